package io.ridemesh.dispatch.matching.pooling.domain;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the region's active shared (POOL) trips, one per driver at most, and a per-unit index of their vehicles'
 * positions.
 *
 * <p>Life of a trip: it starts when a driver accepts an offer of a POOL ride, and grows when the driver accepts an
 * offer to insert another POOL ride (the offer store applies both atomically with the acceptance). A rider boarding
 * ({@link #boarded}) turns a waiting rider into an on-board one; a rider leaving ({@link #left}: completed, cancelled,
 * or released by the driver) drops the rider's stops, and the last one ends the trip and frees the driver. The
 * vehicle's position follows the driver's location fixes.
 *
 * <p>Each method is atomic across processes sharing the store. Implementations are thread-safe.
 */
public interface ActivePools {

    /**
     * For each of {@code centres} (one matching window's POOL pickups), the active trips of {@code unit} whose vehicle
     * is within {@code radiusMetres}, nearest first, at most {@code limit}. Left out: vehicles last seen before
     * {@code seenSince}, drivers not on a trip, and drivers who hold an open offer (a driver holds one offer at most).
     *
     * @param radiusMetres search radius, metres
     * @return one list per centre, in the order of {@code centres}; a trip near several centres appears in each
     */
    List<List<ActivePool>> nearEach(
            UnitDefinition unit, List<GeoPoint> centres, double radiusMetres, int limit, Instant seenSince);

    /** The driver's active shared trip, if any. */
    Optional<ActivePool> find(DriverId driver);

    /**
     * The rider of {@code rideId} boarded the driver's vehicle at {@code at}: the pickup leaves the stop sequence and
     * the rider's ride time counts from {@code at}. Idempotent.
     *
     * @return whether the pickup was still planned
     */
    boolean boarded(DriverId driver, long rideId, Instant at);

    /**
     * The rider of {@code rideId} left the driver's shared trip (completed, cancelled or released): its stops are
     * dropped; if none remain and the driver holds no open offer, the trip ends and the driver becomes available,
     * back in the supply index if last seen at or after {@code seenSince}. Idempotent.
     */
    LeaveOutcome left(DriverId driver, long rideId, Instant seenSince);
}
