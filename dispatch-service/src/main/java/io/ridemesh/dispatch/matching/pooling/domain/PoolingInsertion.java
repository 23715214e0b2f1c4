package io.ridemesh.dispatch.matching.pooling.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Inserts a new rider into an active shared trip: tries every pickup position {@code i} and every dropoff position
 * {@code j >= i} in the remaining stop sequence (the exhaustive insertion heuristic of dial-a-ride dispatching, as in
 * MATSim DRT's {@code ExtensiveInsertionSearch}; Bischoff, Maciejewski &amp; Nagel 2017), keeps the sequences in which
 * every rider, on board, waiting or new, keeps the promises of {@link PoolingRules} and the seats never exceed the
 * capacity, and returns the one that ends the trip earliest (ties: the one that picks the new rider up first). O(n²)
 * candidate sequences of O(n) each for n stops.
 *
 * <p>Timeline: the vehicle leaves its current position at {@code nowSecond}; a pickup's wait is measured at arrival;
 * each stop then takes {@code stopDuration}; a ride lasts from the pickup arrival to the dropoff arrival.
 *
 * <p>Pure; thread-safe if the travel times are.
 */
public final class PoolingInsertion {

    private final TravelTimes travelTimes;
    private final PoolingRules rules;

    /**
     * @param travelTimes driving times between points, seconds
     * @param rules the promises every rider keeps
     */
    public PoolingInsertion(TravelTimes travelTimes, PoolingRules rules) {
        this.travelTimes = Objects.requireNonNull(travelTimes, "travelTimes");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param trip the active trip, as it stands at {@code nowSecond}
     * @param rider the new rider, waiting ({@code pickedUpAtSecond == null}); its {@code directRideSeconds} is used as
     *     given
     * @param nowSecond the current time on the riders' timeline, seconds
     * @return the cheapest feasible insertion, or the violation of the insertion that came closest
     * @throws IllegalArgumentException if the new rider is on board or already in the trip
     */
    public InsertionResult insert(PooledTrip trip, PoolRider rider, long nowSecond) {
        if (rider.onBoard()) {
            throw new IllegalArgumentException(
                    "the new rider must be waiting, but " + rider.riderId() + " is on board");
        }
        boolean clash = trip.stops().stream().anyMatch(s -> s.rider().riderId().equals(rider.riderId()));
        if (clash) {
            throw new IllegalArgumentException("rider " + rider.riderId() + " is already in the trip");
        }
        long baseline = simulate(trip, trip.stops(), nowSecond).endSecond;
        int n = trip.stops().size();
        InsertionResult.@Nullable Inserted best = null;
        @Nullable Outcome closest = null;
        for (int i = 0; i <= n; i++) {
            for (int j = i; j <= n; j++) {
                List<Stop> seq = new ArrayList<>(trip.stops());
                seq.add(i, new Stop.Pickup(rider));
                seq.add(j + 1, new Stop.Dropoff(rider));
                Outcome o = simulate(trip, seq, nowSecond, i);
                if (o.violation == null) {
                    long added = o.endSecond - baseline;
                    long pickupEta = o.pickupSecond - nowSecond;
                    if (best == null
                            || added < best.addedSeconds()
                            || (added == best.addedSeconds() && pickupEta < best.pickupEtaSeconds())) {
                        best = new InsertionResult.Inserted(seq, i, j + 1, added, pickupEta);
                    }
                } else if (closest == null || o.violatedAtStop > closest.violatedAtStop) {
                    closest = o;
                }
            }
        }
        if (best != null) {
            return best;
        }
        // n >= 0 stops give at least one candidate (i = j = 0), so a rejection always has a closest violation
        Outcome c = Objects.requireNonNull(closest, "closest");
        return new InsertionResult.Rejected(Objects.requireNonNull(c.kind, "kind"), String.valueOf(c.violation));
    }

    private Outcome simulate(PooledTrip trip, List<Stop> seq, long nowSecond) {
        return simulate(trip, seq, nowSecond, -1);
    }

    /** @param watch index of the stop whose arrival time to report in {@link Outcome#pickupSecond}, or -1 */
    private Outcome simulate(PooledTrip trip, List<Stop> seq, long nowSecond, int watch) {
        long t = nowSecond;
        long watched = nowSecond;
        var at = trip.vehicleAt();
        int load = trip.load();
        long dwell = rules.stopDuration().toSeconds();
        Map<String, Long> boarded = new HashMap<>();
        for (int k = 0; k < seq.size(); k++) {
            Stop stop = seq.get(k);
            PoolRider r = stop.rider();
            t += travelTimes.seconds(at, stop.point());
            at = stop.point();
            if (k == watch) {
                watched = t;
            }
            if (stop instanceof Stop.Pickup) {
                long wait = t - r.requestedAtSecond();
                if (wait > rules.maxWait().toSeconds()) {
                    return new Outcome(
                            t,
                            k,
                            watched,
                            InsertionResult.Violation.WAIT,
                            "rider " + r.riderId() + " would wait " + wait + " s, more than maxWait "
                                    + rules.maxWait().toSeconds() + " s");
                }
                load += r.seats();
                if (load > trip.capacity()) {
                    return new Outcome(
                            t,
                            k,
                            watched,
                            InsertionResult.Violation.SEATS,
                            "seats would reach " + load + ", more than the capacity " + trip.capacity());
                }
                boarded.put(r.riderId(), t);
            } else {
                Long pickedAt = r.onBoard() ? r.pickedUpAtSecond() : boarded.get(r.riderId());
                long ride = t - Objects.requireNonNull(pickedAt);
                double limit = rules.maxRideSeconds(r.directRideSeconds());
                if (ride > limit) {
                    return new Outcome(
                            t,
                            k,
                            watched,
                            InsertionResult.Violation.RIDE_TIME,
                            "rider " + r.riderId() + " would ride " + ride + " s, more than the " + limit
                                    + " s allowed for a " + r.directRideSeconds() + " s direct ride");
                }
                load -= r.seats();
            }
            t += dwell;
        }
        return new Outcome(t, seq.size(), watched, null, null);
    }

    /**
     * @param endSecond when the last stop is done
     * @param violatedAtStop index of the first broken promise, or the sequence length if none
     * @param pickupSecond arrival at the watched stop
     * @param kind the broken promise, or {@code null}
     * @param violation the broken promise in words, or {@code null}
     */
    private record Outcome(
            long endSecond,
            int violatedAtStop,
            long pickupSecond,
            InsertionResult.@Nullable Violation kind,
            @Nullable String violation) {}
}
