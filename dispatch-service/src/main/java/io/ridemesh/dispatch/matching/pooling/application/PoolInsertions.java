package io.ridemesh.dispatch.matching.pooling.application;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.dispatch.matching.domain.PendingRide;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.matching.pooling.domain.ActivePool;
import io.ridemesh.dispatch.matching.pooling.domain.ActivePools;
import io.ridemesh.dispatch.matching.pooling.domain.InsertionResult;
import io.ridemesh.dispatch.matching.pooling.domain.PoolAssigner;
import io.ridemesh.dispatch.matching.pooling.domain.PoolDecision;
import io.ridemesh.dispatch.matching.pooling.domain.PoolRequest;
import io.ridemesh.dispatch.matching.pooling.domain.PoolRider;
import io.ridemesh.dispatch.matching.pooling.domain.Stop;
import io.ridemesh.dispatch.matching.pooling.domain.TravelTimes;
import io.ridemesh.dispatch.offer.domain.PoolTerms;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Use case, one step of a matching window: for the window's POOL rides, finds the vehicles of active shared trips
 * near each pickup ({@link ActivePools#nearEach}), tries to insert the ride into each trip ({@link PoolAssigner} over
 * {@code PoolingInsertion}, with the travel-time model of matching) and proposes, per ride, the feasible insertion
 * that adds the least time, at most one per trip. Feasible means that every rider on board, waiting, or new keeps the
 * promises of {@code PoolingRules} (wait within {@code maxWait}; extra ride time within
 * {@code min(maxAbsoluteDetour, (alpha - 1) x direct + beta)}, MATSim DRT's constraint: Bischoff, Maciejewski &amp;
 * Nagel 2017; Lyft Line's bounded wait and detour) and the seats suffice. The window places the proposals as offers to
 * the trips' drivers; rides without one go to the window's ordinary assignment, where a POOL ride may start a new
 * shared trip with an available driver ({@link #newTripTerms}).
 *
 * <p>Times: the riders' timeline is epoch seconds; {@code now} is floored to a second. Thread-safe if the port and the
 * travel times are.
 */
public final class PoolInsertions {

    private final ActivePools pools;
    private final PoolAssigner assigner;
    private final TravelTimes travelTimes;
    private final PoolingSettings settings;

    /**
     * @param travelTimes driving times between points, seconds (matching's {@code EtaModel::seconds}); also gives a
     *     new rider's direct ride time
     */
    public PoolInsertions(ActivePools pools, PoolAssigner assigner, TravelTimes travelTimes, PoolingSettings settings) {
        this.pools = Objects.requireNonNull(pools, "pools");
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.travelTimes = Objects.requireNonNull(travelTimes, "travelTimes");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Whether pooling is switched on ({@code dispatch.pooling.enabled}). */
    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * The terms of an offer of {@code request} to an available driver: for a POOL ride (with pooling on), accepting
     * it starts a shared trip that later POOL rides can join; otherwise {@code null} (a private ride).
     */
    public @Nullable PoolTerms newTripTerms(RideRequest request) {
        if (!settings.enabled() || request.product() != Product.POOL) {
            return null;
        }
        return PoolTerms.newTrip(request.requestedAt(), directSeconds(request));
    }

    /**
     * Proposes insertions for the POOL rides among {@code rides} (others are ignored).
     *
     * @param rides the window's rides, oldest first
     * @param now the window's time
     * @param seenSince vehicles last seen before this are not considered
     * @return the proposals, the rejections by reason, and how many distinct vehicles were considered; nothing when
     *     pooling is off
     */
    public Proposals propose(UnitDefinition unit, List<PendingRide> rides, Instant now, Instant seenSince) {
        List<RideRequest> pool = rides.stream()
                .map(PendingRide::request)
                .filter(r -> r.product() == Product.POOL)
                .toList();
        if (!settings.enabled() || pool.isEmpty()) {
            return Proposals.NONE;
        }
        List<GeoPoint> centres = pool.stream().map(RideRequest::pickup).toList();
        List<List<ActivePool>> near =
                pools.nearEach(unit, centres, settings.searchRadiusMetres(), settings.vehiclesPerRide(), seenSince);
        Set<DriverId> vehicles = new HashSet<>();
        near.forEach(list -> list.forEach(p -> vehicles.add(p.driver())));
        if (vehicles.isEmpty()) {
            return Proposals.NONE;
        }
        List<PoolRequest> requests = new ArrayList<>(pool.size());
        for (PendingRide ride : rides) {
            RideRequest r = ride.request();
            if (r.product() == Product.POOL) {
                requests.add(new PoolRequest(r.rideId(), rider(r), ride.excluded()));
            }
        }
        PoolDecision decision = assigner.assign(requests, near, now.getEpochSecond());
        List<Proposal> proposals = new ArrayList<>();
        for (PoolDecision.Choice c : decision.chosen()) {
            RideRequest r = pool.stream()
                    .filter(x -> x.rideId() == c.request().rideId())
                    .findFirst()
                    .orElseThrow();
            List<PoolTerms.PlannedStop> plan = c.insertion().stops().stream()
                    .map(s -> new PoolTerms.PlannedStop(Long.parseLong(s.rider().riderId()), s instanceof Stop.Pickup))
                    .toList();
            proposals.add(new Proposal(
                    r,
                    c.pool().driver(),
                    c.insertion().pickupEtaSeconds(),
                    c.insertion().addedSeconds(),
                    new PoolTerms(
                            r.requestedAt(),
                            c.request().rider().directRideSeconds(),
                            plan,
                            c.pool().version())));
        }
        Map<String, Integer> rejected = new TreeMap<>();
        decision.rejected().values().forEach(v -> rejected.merge(reason(v), 1, Integer::sum));
        return new Proposals(proposals, rejected, vehicles.size());
    }

    /** The metric tag of a violation: {@code wait}, {@code ride-time} or {@code seats}. */
    static String reason(InsertionResult.Violation v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private PoolRider rider(RideRequest r) {
        return new PoolRider(
                Long.toString(r.rideId()),
                r.seats(),
                r.pickup(),
                r.dropoff(),
                r.requestedAt().getEpochSecond(),
                directSeconds(r),
                null);
    }

    private long directSeconds(RideRequest r) {
        return travelTimes.seconds(r.pickup(), r.dropoff());
    }

    /**
     * An insertion to offer.
     *
     * @param request the POOL ride
     * @param driver the driver of the shared trip it joins
     * @param pickupEtaSeconds when the vehicle reaches the new pickup along the new stops, seconds from now
     * @param addedSeconds how much later the trip ends with the new rider, seconds
     * @param terms the offer's pooling terms (the new stop sequence)
     */
    public record Proposal(
            RideRequest request, DriverId driver, long pickupEtaSeconds, long addedSeconds, PoolTerms terms) {
        public Proposal {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(driver, "driver");
            Objects.requireNonNull(terms, "terms");
        }
    }

    /**
     * What one window's pooling step found.
     *
     * @param proposals insertions to offer, oldest ride first
     * @param rejectedByReason POOL rides with candidate trips but no feasible insertion, by the nearest candidate's
     *     violation ({@code wait}, {@code ride-time}, {@code seats})
     * @param vehicles distinct shared-trip vehicles considered
     */
    public record Proposals(List<Proposal> proposals, Map<String, Integer> rejectedByReason, int vehicles) {

        static final Proposals NONE = new Proposals(List.of(), Map.of(), 0);

        public Proposals {
            proposals = List.copyOf(proposals);
            rejectedByReason = Map.copyOf(rejectedByReason);
        }
    }
}
