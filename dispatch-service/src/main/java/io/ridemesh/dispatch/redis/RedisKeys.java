package io.ridemesh.dispatch.redis;

/**
 * Every Redis key dispatch-service writes. The Lua scripts under {@code src/main/resources/redis/} build the same
 * names ({@code lib.lua}); keep both in step. Keys of different drivers, rides and units are touched by one script,
 * so the region's Redis must be a single primary (not Redis Cluster). Stateless; thread-safe.
 */
public final class RedisKeys {

    private RedisKeys() {}

    /** GEO set of a unit's available, fresh drivers (member = driver id). */
    public static String supplyGeo(String unitCode) {
        return "supply:" + unitCode + ":geo";
    }

    /**
     * Hash of a unit's available drivers per H3 cell (field = cell address at the supply resolution, value = count).
     * The contract with pricing-service: a missing field means 0.
     */
    public static String supplyCells(String unitCode) {
        return "supply:" + unitCode + ":cells";
    }

    /** Sorted set of a unit's indexed drivers by last-seen epoch ms, for the stale sweep. */
    public static String supplySeen(String unitCode) {
        return "supply:" + unitCode + ":seen";
    }

    /** Hash of a unit's indexed drivers to the cell they are counted in, so a move or removal decrements it. */
    public static String supplyWhere(String unitCode) {
        return "supply:" + unitCode + ":where";
    }

    /** Hash of one driver's state: status, seats, unit, cell, lat, lon, seen (epoch ms), offer; with a TTL. */
    public static String driver(String driverId) {
        return "driver:" + driverId;
    }

    /** The driver lock: value = the offer id holding it, PX = the offer timeout. */
    public static String driverLock(String driverId) {
        return "driver-lock:" + driverId;
    }

    /** Sorted set of drivers holding a lock by acquisition epoch ms, for the lock metrics. */
    public static String driverLocks() {
        return "driver-locks";
    }

    /** One offer per ride at a time: value = the offer id. */
    public static String rideLock(long rideId) {
        return "ride-lock:" + rideId;
    }

    /** Hash of one offer. */
    public static String offer(long offerId) {
        return "offer:" + offerId;
    }

    /** Sorted set of open offers by deadline epoch ms. */
    public static String offerDeadlines() {
        return "offers:deadlines";
    }

    /** Sorted set of a unit's rides waiting for a driver, by request epoch ms (oldest first). */
    public static String pending(String unitCode) {
        return "dispatch:" + unitCode + ":pending";
    }

    /** Hash of one ride request being dispatched: body (JSON), unit, requested (epoch ms), windows. */
    public static String rideRequest(long rideId) {
        return "ride-request:" + rideId;
    }

    /** Set of drivers who declined or let expire an offer of the ride; they are not offered it again. */
    public static String rideExcluded(long rideId) {
        return "ride-request:" + rideId + ":excluded";
    }

    /** GEO set of the vehicles of a unit's active shared (POOL) trips (member = driver id). */
    public static String poolGeo(String unitCode) {
        return "pool:" + unitCode + ":geo";
    }

    /**
     * Hash of a driver's active shared trip: {@code unit}, {@code capacity}, and per ride {@code rider:{rideId}} =
     * {@code seats,pickupLat,pickupLon,dropoffLat,dropoffLon,requestedMs,directRideSeconds} and, once on board,
     * {@code boarded:{rideId}} = epoch ms; with a TTL renewed on every join.
     */
    public static String poolTrip(String driverId) {
        return "pool-trip:" + driverId;
    }

    /** List of a driver's remaining shared-trip stops in order: {@code P:{rideId}} pickup, {@code D:{rideId}} dropoff. */
    public static String poolStops(String driverId) {
        return "pool-stops:" + driverId;
    }

    /** Marker of a consumed event, for idempotent consumption; with a TTL. */
    public static String consumedEvent(String eventId) {
        return "dispatch:event:" + eventId;
    }
}
