package io.ridemesh.dispatch.matching.pooling.domain;

import io.ridemesh.dispatch.supply.domain.DriverId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chooses, for one window's POOL rides, which active shared trip each joins. Rides are taken in the given order
 * (oldest first); each gets the feasible insertion ({@link PoolingInsertion}) that adds the least time to its trip
 * (ties: the earlier pickup, then the driver id), among its candidate trips not yet chosen in this window and not
 * driven by a driver it excludes. A trip takes at most one new rider per window: its driver can hold one offer only,
 * and the next window sees the trip with that rider. Greedy in ride order, like MATSim DRT's default sequential
 * insertion of requests (Bischoff, Maciejewski &amp; Nagel 2017), not a joint optimum.
 *
 * <p>Pure: no I/O, no clock. Thread-safe if the insertion's travel times are.
 */
public final class PoolAssigner {

    private final PoolingInsertion insertion;

    /** @param insertion the insertion search with its travel times and rules */
    public PoolAssigner(PoolingInsertion insertion) {
        this.insertion = Objects.requireNonNull(insertion, "insertion");
    }

    /**
     * @param requests the window's POOL rides, oldest first, distinct ride ids
     * @param candidates per request (same order and size), its candidate trips, nearest first
     * @param nowSecond now, epoch seconds (the riders' timeline)
     * @throws IllegalArgumentException if the lists differ in size
     */
    public PoolDecision assign(List<PoolRequest> requests, List<List<ActivePool>> candidates, long nowSecond) {
        if (requests.size() != candidates.size()) {
            throw new IllegalArgumentException("candidates must have one list per request (" + requests.size()
                    + "), but had " + candidates.size());
        }
        Set<DriverId> taken = new HashSet<>();
        List<PoolDecision.Choice> chosen = new ArrayList<>();
        Map<Long, InsertionResult.Violation> rejected = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            PoolRequest request = requests.get(i);
            PoolDecision.@Nullable Choice best = null;
            InsertionResult.@Nullable Violation nearestViolation = null;
            for (ActivePool pool : candidates.get(i)) {
                if (taken.contains(pool.driver())
                        || request.excluded().contains(pool.driver())
                        || pool.carries(request.rideId())) {
                    continue;
                }
                InsertionResult result = insertion.insert(pool.trip(), request.rider(), nowSecond);
                if (result instanceof InsertionResult.Inserted in) {
                    if (best == null || better(in, pool, best)) {
                        best = new PoolDecision.Choice(request, pool, in);
                    }
                } else if (nearestViolation == null) {
                    nearestViolation = ((InsertionResult.Rejected) result).violation();
                }
            }
            if (best != null) {
                chosen.add(best);
                taken.add(best.pool().driver());
            } else if (nearestViolation != null) {
                rejected.put(request.rideId(), nearestViolation);
            }
        }
        return new PoolDecision(chosen, rejected);
    }

    private static boolean better(InsertionResult.Inserted in, ActivePool pool, PoolDecision.Choice best) {
        InsertionResult.Inserted b = best.insertion();
        if (in.addedSeconds() != b.addedSeconds()) {
            return in.addedSeconds() < b.addedSeconds();
        }
        if (in.pickupEtaSeconds() != b.pickupEtaSeconds()) {
            return in.pickupEtaSeconds() < b.pickupEtaSeconds();
        }
        return pool.driver().value().compareTo(best.pool().driver().value()) < 0;
    }
}
