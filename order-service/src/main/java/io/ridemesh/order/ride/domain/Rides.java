package io.ridemesh.order.ride.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The stored rides of this region (a port). Reads ignore tombstoned rows ({@code deleted = 1}). Every write maintains
 * the replicated-row contract (ARCHITECTURE.md section 2): an insert stores version 1 with a fresh HLC timestamp and
 * this region as origin; an update is a compare-and-set on the revision the ride was read at. Callers run writes in a
 * transaction together with the ride's outbox event.
 *
 * <p>Implementations are thread-safe.
 */
public interface Rides {

    /** The ride with this id, unless absent or tombstoned. */
    Optional<Ride> find(RideId id);

    /**
     * The ride that {@code riderId} created with {@code key} in any region, unless absent or tombstoned. If two regions
     * each created one during a failover (before replication, see migration V5), the earliest (smallest id).
     */
    Optional<Ride> findByIdempotencyKey(RiderId riderId, IdempotencyKey key);

    /**
     * Every live ride of the rider with this Idempotency-Key: more than one only for a duplicate group created by two
     * regions during a failover ({@link DuplicateRides}).
     *
     * @return by id ascending; empty if none
     */
    List<Ride> findAllByIdempotencyKey(RiderId riderId, IdempotencyKey key);

    /**
     * Whether a ride was requested with this quote in any region whose rides reached this one, tombstoned rides
     * included: a quote buys one ride.
     */
    boolean quoteUsed(String quoteId);

    /**
     * Withdrawable rides (REQUESTED, DRIVER_ASSIGNED, DRIVER_ARRIVED) that share their rider and Idempotency-Key
     * with another live ride: where {@link DuplicateRides} may have something to withdraw. Cost grows with the open
     * rides, not with the table.
     *
     * @param limit at most this many, 1..1000
     * @return by id ascending
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    List<Ride> findOpenWithDuplicates(int limit);

    /**
     * Rides matching {@code filter}, newest request first.
     *
     * @param limit most rides returned, {@code >= 1}
     */
    List<Ride> list(Filter filter, int limit);

    /**
     * Rides of one unit that wait for a driver (status {@code REQUESTED}), requested in {@code [requestedFrom,
     * requestedBefore)}, whichever region created them: what a unit's new home region takes over after a failover.
     * Uses the index {@code (status, requested_at_ms)}.
     *
     * @param unitId the unit, 1..63
     * @param limit at most this many, {@code >= 1}
     * @return oldest request first
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    List<Ride> waiting(int unitId, Instant requestedFrom, Instant requestedBefore, int limit);

    /**
     * Stores a new ride (its revision must be {@link Revision#NEW}).
     *
     * @return the ride at its stored revision (version 1)
     * @throws RideAlreadyRequested if the rider already has a ride with the same idempotency key
     */
    Ride insert(Ride ride);

    /**
     * Writes a changed ride if the stored row is still at {@code changed.revision()}.
     *
     * @return the ride at its new stored revision
     * @throws StaleWrite if the row changed meanwhile (or is gone); nothing was written
     */
    Ride update(Ride changed);

    /**
     * Which rides to list; {@code null} fields do not filter.
     *
     * @param riderId only this rider's rides
     * @param driverId only rides this driver holds or held
     * @param status only rides in this status
     */
    record Filter(
            @Nullable RiderId riderId,
            @Nullable DriverId driverId,
            @Nullable RideStatus status) {}
}
