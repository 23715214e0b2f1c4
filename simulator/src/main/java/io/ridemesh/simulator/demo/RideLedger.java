package io.ridemesh.simulator.demo;

import io.ridemesh.common.trip.Trip;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * What the simulated apps were told, as they were told it: trips requested, rides acknowledged to riders (with their
 * trip), matched and completed (each ride once), failed quotes and ride requests (also by HTTP status, -1 for no
 * response), the pickup ETAs of accepted offers (s), and per ride the highest status rank acknowledged (0 requested
 * ... 4 completed) and when (ms since the epoch). The progress line, the drill's RPO and the report read it.
 *
 * <p>Thread-safe: written from the apps' HTTP callbacks and the scheduler, read by the orchestrator and the drill;
 * concurrent collections and atomic counters, no lock (a read of two figures is not one snapshot).
 */
final class RideLedger {

    /** Distinct details kept per failed call and status; the rest are counted together. */
    static final int MAX_DETAILS = 5;

    private final Map<String, Trip> tripOfRide = new ConcurrentHashMap<>();
    private final Set<String> ackedRides = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Long> pickupEtas = new ConcurrentLinkedQueue<>();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong quoteFailures = new AtomicLong();
    private final AtomicLong requestFailures = new AtomicLong();
    /** Rides some driver accepted, counted once each (around a failover a ride may be accepted in both regions). */
    private final Set<String> matched = ConcurrentHashMap.newKeySet();

    /** Rides a driver completed (answered 2xx), counted once each. */
    private final Set<String> completed = ConcurrentHashMap.newKeySet();

    private final Map<Integer, AtomicLong> failuresByStatus = new ConcurrentHashMap<>();
    /** Per failed call and status ({@code POST /v1/rides 401}), what the answers said: their problem details, counted. */
    private final Map<String, Map<String, AtomicLong>> failureDetails = new ConcurrentHashMap<>();

    private final Map<String, Integer> ackedRank = new ConcurrentHashMap<>();
    private final Map<String, Long> ackedAtMs = new ConcurrentHashMap<>();

    /** A rider requested a trip (before its quote). */
    void countRequest() {
        requested.incrementAndGet();
    }

    /**
     * A rider's quote failed for good with {@code status} (-1: no response), saying {@code detail} (its problem body's
     * {@code detail}, or why no call was made).
     */
    void quoteFailed(int status, String detail) {
        quoteFailures.incrementAndGet();
        failed("POST /v1/quotes", status, detail);
    }

    /** A rider's ride request failed for good with {@code status} (-1: no response), saying {@code detail}. */
    void requestFailed(int status, String detail) {
        requestFailures.incrementAndGet();
        failed("POST /v1/rides", status, detail);
    }

    private void failed(String call, int status, String detail) {
        failuresByStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (status >= 400 && status < 500) { // a refusal says why; 5xx and no answer are counted by status only
            Map<String, AtomicLong> details =
                    failureDetails.computeIfAbsent(call + " " + status, k -> new ConcurrentHashMap<>());
            String key = details.size() < MAX_DETAILS || details.containsKey(detail) ? detail : "(other details)";
            details.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /**
     * What the refusals (4xx) of quotes and ride requests said: per call and status ({@code POST /v1/rides 401}), each
     * distinct problem {@code detail} (at most {@value #MAX_DETAILS}) and how often. A live, unmodifiable view.
     */
    Map<String, Map<String, AtomicLong>> failureDetails() {
        return Collections.unmodifiableMap(failureDetails);
    }

    /** A ride request was acknowledged (2xx): the ride, its trip, and its acknowledged status rank 0 (requested). */
    void rideAcked(String rideId, Trip trip) {
        tripOfRide.put(rideId, trip);
        ackedRides.add(rideId);
        acked(rideId, 0);
    }

    /** Records an acknowledged write to a ride: its status rank and when. */
    void acked(String rideId, int rank) {
        ackedRank.merge(rideId, rank, Math::max);
        ackedAtMs.put(rideId, System.currentTimeMillis());
    }

    /** A driver's accept of the ride was acknowledged. */
    void matched(String rideId) {
        matched.add(rideId);
    }

    /** The pickup ETA of an accepted offer, in s. */
    void pickupEta(long seconds) {
        pickupEtas.add(seconds);
    }

    /** A driver's completion of the ride was acknowledged. */
    void completed(String rideId) {
        completed.add(rideId);
    }

    /** The trip an acknowledged ride replays, or null (not acknowledged to its rider, or not yet). */
    @Nullable
    Trip trip(String rideId) {
        return tripOfRide.get(rideId);
    }

    /** Trips requested so far. */
    long requested() {
        return requested.get();
    }

    /** Rides acknowledged to their riders so far. */
    int ackedRides() {
        return ackedRides.size();
    }

    /** Rides some driver's accept was acknowledged for so far. */
    int matchedRides() {
        return matched.size();
    }

    /** Rides some driver's completion was acknowledged for so far. */
    int completedRides() {
        return completed.size();
    }

    /** Rides acknowledged per trip requested, 3 decimals (0 before any request). */
    double ackedShare() {
        return requested.get() == 0 ? 0 : Math.round(1000.0 * ackedRides.size() / requested.get()) / 1000.0;
    }

    /** Rides matched per ride acknowledged, 3 decimals (0 before any acknowledged ride). */
    double matchRate() {
        return ackedRides.isEmpty() ? 0 : Math.round(1000.0 * matched.size() / ackedRides.size()) / 1000.0;
    }

    long quoteFailures() {
        return quoteFailures.get();
    }

    long requestFailures() {
        return requestFailures.get();
    }

    /** Failed quotes and ride requests by HTTP status (-1: no response): a live, unmodifiable view. */
    Map<Integer, AtomicLong> failuresByStatus() {
        return Collections.unmodifiableMap(failuresByStatus);
    }

    /** The pickup ETAs of accepted offers so far, in s, ascending. */
    List<Long> sortedPickupEtas() {
        return pickupEtas.stream().sorted().toList();
    }

    /** Ids of the rides acknowledged to their riders: a live, unmodifiable view. */
    Set<String> ackedRideIds() {
        return Collections.unmodifiableSet(ackedRides);
    }

    /** Ride id to the highest status rank acknowledged for it: a live, unmodifiable view. */
    Map<String, Integer> ackedRanks() {
        return Collections.unmodifiableMap(ackedRank);
    }

    /** When the ride's last write was acknowledged, ms since the epoch, or {@code otherwise}. */
    long ackedAtMs(String rideId, long otherwise) {
        return ackedAtMs.getOrDefault(rideId, otherwise);
    }
}
