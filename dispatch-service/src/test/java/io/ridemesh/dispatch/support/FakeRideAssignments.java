package io.ridemesh.dispatch.support;

import io.ridemesh.dispatch.offer.domain.AssignOutcome;
import io.ridemesh.dispatch.offer.domain.RideAssignments;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An in-memory order-service: records calls and answers what the test sets. Thread-safe. */
public final class FakeRideAssignments implements RideAssignments {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public volatile AssignOutcome assignAnswer = new AssignOutcome.Done();
    public volatile AssignOutcome noDriverAnswer = new AssignOutcome.Done();

    @Override
    public AssignOutcome assign(long rideId, DriverId driver) {
        calls.add("assign " + rideId + " " + driver);
        return assignAnswer;
    }

    @Override
    public AssignOutcome noDriver(long rideId) {
        calls.add("no-driver " + rideId);
        return noDriverAnswer;
    }
}
