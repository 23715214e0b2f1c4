package io.ridemesh.dispatch.offer.domain;

import io.ridemesh.dispatch.supply.domain.DriverId;

/** Port: order-service's internal ride API. Implementations are thread-safe and never throw for remote failures. */
public interface RideAssignments {

    /** {@code POST /v1/rides/{rideId}/assign {driverId}}. */
    AssignOutcome assign(long rideId, DriverId driver);

    /** {@code POST /v1/rides/{rideId}/no-driver}. */
    AssignOutcome noDriver(long rideId);
}
