package io.ridemesh.dispatch.supply.domain;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.unit.UnitDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the region's index of drivers. Invariant kept by every method, atomically: a driver is in a unit's index of
 * available drivers (and counted once in that unit's per-cell counts, under the cell of its last fix) if and only if
 * its status is {@link DriverStatus#AVAILABLE}, its last fix lies in that unit and it has not been swept as stale.
 * Implementations are thread-safe and safe across processes sharing the store.
 */
public interface DriverSupply {

    /**
     * Puts a driver online at a place. A driver who holds an offer or is on a trip keeps that status (an app restart
     * re-sends online); everyone else becomes {@link DriverStatus#AVAILABLE}.
     *
     * @param seats free passenger seats, {@code >= 1}
     * @param ttl how long the driver's state outlives its last write
     * @return the resulting status
     */
    DriverStatus goOnline(DriverId id, int seats, DriverPlacement placement, Duration ttl);

    /** Takes an available driver offline; see {@link OfflineOutcome} for the other cases. */
    OfflineOutcome goOffline(DriverId id, Duration ttl);

    /** Records a location fix, moving an available driver in the index. */
    LocationOutcome locate(DriverId id, DriverPlacement placement, Duration ttl);

    /**
     * A sign of life without a new fix (the driver's long poll for offers): an online driver's last fix counts as seen
     * at {@code now} (never earlier than it was), its state lives {@code ttl} longer, and an available driver who had
     * been swept as stale is back in the index at its last fix. A fix taken before {@code now} and sent later is then
     * out of order.
     *
     * @return false when the driver is not online (nothing changes)
     */
    boolean heartbeat(DriverId id, Instant now, Duration ttl);

    /**
     * Available drivers of {@code unit} within {@code radiusMetres} of {@code centre}, nearest first, at most
     * {@code limit}, leaving out drivers last seen before {@code seenSince} (stale, even if not swept yet).
     */
    List<AvailableDriver> nearby(
            UnitDefinition unit, GeoPoint centre, double radiusMetres, int limit, Instant seenSince);

    /**
     * {@link #nearby} for each of {@code centres} (one matching window's pickups), in order. Implementations may answer
     * all in one round trip; this default asks one by one.
     *
     * @return one list per centre, same order as {@code centres}
     */
    default List<List<AvailableDriver>> nearbyEach(
            UnitDefinition unit, List<GeoPoint> centres, double radiusMetres, int limit, Instant seenSince) {
        return centres.stream()
                .map(c -> nearby(unit, c, radiusMetres, limit, seenSince))
                .toList();
    }

    /**
     * Removes from {@code unit}'s index (and cell counts) at most {@code limit} drivers last seen before
     * {@code seenBefore}. Their status stays available: the next fix puts them back.
     *
     * @return how many were removed
     */
    int sweepStale(UnitDefinition unit, Instant seenBefore, int limit);

    /**
     * Frees a driver whose trip ended: {@link DriverStatus#ON_TRIP} becomes {@link DriverStatus#AVAILABLE}, back in
     * the index if its last fix is not older than {@code seenSince}.
     *
     * @return whether the driver was on a trip
     */
    boolean endTrip(DriverId id, Instant seenSince);

    /**
     * Marks a driver busy because order-service assigned them a ride (its {@code DriverAssigned} event): an
     * {@link DriverStatus#AVAILABLE}, {@link DriverStatus#OFFLINE} or unknown driver becomes
     * {@link DriverStatus#ON_TRIP} and leaves the index (an unknown driver gets a state holding only that status,
     * living {@code ttl}); a driver on a trip stays so. A driver who holds an offer ({@link DriverStatus#OFFERED}) is left as is: the caller declines
     * that offer and calls again.
     *
     * @return the status before, empty if the driver had no stored state
     */
    Optional<DriverStatus> beginTrip(DriverId id, Duration ttl);

    /** The stored state, if any. */
    Optional<DriverState> find(DriverId id);
}
