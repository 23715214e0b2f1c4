package io.ridemesh.dispatch.matching.application;

import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.dispatch.matching.domain.Assignment;
import io.ridemesh.dispatch.matching.domain.DriverCandidate;
import io.ridemesh.dispatch.matching.domain.MatchResult;
import io.ridemesh.dispatch.matching.domain.Matcher;
import io.ridemesh.dispatch.matching.domain.MissOutcome;
import io.ridemesh.dispatch.matching.domain.PendingRide;
import io.ridemesh.dispatch.matching.domain.PendingRides;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.matching.pooling.application.PoolInsertions;
import io.ridemesh.dispatch.offer.domain.AssignOutcome;
import io.ridemesh.dispatch.offer.domain.Offer;
import io.ridemesh.dispatch.offer.domain.OfferStatus;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.offer.domain.PlaceOutcome;
import io.ridemesh.dispatch.offer.domain.RideAssignments;
import io.ridemesh.dispatch.supply.domain.AvailableDriver;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: one batching window of one unit. Takes the unit's oldest queued rides, finds the nearest fresh available
 * drivers of each by GEOSEARCH, lets the {@link Matcher} pair them optimally, and places an offer per pair. Rides
 * without a feasible driver count a missed window; at {@code maxWindows} order-service is told there is no driver.
 *
 * <p>With pooling on, the window first offers each POOL ride that fits into an active shared trip nearby to that
 * trip's driver ({@link PoolInsertions}: the insertion adding the least time that keeps every rider's wait and detour
 * promises and the seats); those offers use the same placement, driver lock, timeout and re-dispatch as any other. The
 * remaining rides, POOL rides without an insertion included, go to the ordinary assignment, where a POOL ride offered
 * to an available driver starts a new shared trip once accepted.
 *
 * <p>Several matchers may run the same unit at once (threads or processes): the offer store's driver lock and ride
 * lock let exactly one of two competing placements win; the loser's ride stays queued for the next window. Thread-safe.
 */
public final class MatchWindow {

    private static final Logger log = LoggerFactory.getLogger(MatchWindow.class);

    private final PendingRides pending;
    private final DriverSupply supply;
    private final Offers offers;
    private final RideAssignments orders;
    private final Matcher matcher;
    private final GlobalIdGenerator ids;
    private final MatchingSettings settings;
    private final InstantSource clock;
    private final @Nullable PoolInsertions pooling;

    /** A window without pooling: POOL rides are matched like SOLO rides with their seat count. */
    public MatchWindow(
            PendingRides pending,
            DriverSupply supply,
            Offers offers,
            RideAssignments orders,
            Matcher matcher,
            GlobalIdGenerator ids,
            MatchingSettings settings,
            InstantSource clock) {
        this(pending, supply, offers, orders, matcher, ids, settings, clock, null);
    }

    /**
     * @param pooling the pooling step, or {@code null} for none
     */
    public MatchWindow(
            PendingRides pending,
            DriverSupply supply,
            Offers offers,
            RideAssignments orders,
            Matcher matcher,
            GlobalIdGenerator ids,
            MatchingSettings settings,
            InstantSource clock,
            @Nullable PoolInsertions pooling) {
        this.pooling = pooling;
        this.pending = Objects.requireNonNull(pending, "pending");
        this.supply = Objects.requireNonNull(supply, "supply");
        this.offers = Objects.requireNonNull(offers, "offers");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs one window for {@code unit}. */
    public WindowReport run(UnitDefinition unit) {
        List<PendingRide> rides = pending.oldest(unit.code(), settings.maxRidesPerWindow());
        if (rides.isEmpty()) {
            return WindowReport.empty(unit.code());
        }
        Instant now = clock.instant();
        Instant seenSince = now.minus(settings.staleAfter());
        int taken = rides.size();
        int offered = 0;
        int lost = 0;
        long eta = 0;
        int pooled = 0;
        int poolVehicles = 0;
        Map<String, Integer> poolRejected = Map.of();
        if (pooling != null && pooling.enabled()) {
            PoolInsertions.Proposals proposals = pooling.propose(unit, rides, now, seenSince);
            poolRejected = proposals.rejectedByReason();
            poolVehicles = proposals.vehicles();
            List<PoolInsertions.Proposal> ps = proposals.proposals();
            List<PlaceOutcome> outcomes = offers.placeAll(
                    ps.stream().map(p -> poolOfferFor(unit, p, now)).toList(), settings.offerTimeout(), seenSince);
            Set<Long> placed = new HashSet<>();
            for (int i = 0; i < ps.size(); i++) {
                PoolInsertions.Proposal p = ps.get(i);
                if (outcomes.get(i) == PlaceOutcome.PLACED) {
                    pooled++;
                    eta += p.pickupEtaSeconds();
                    placed.add(p.request().rideId());
                } else {
                    lost++;
                    log.debug(
                            "insertion of ride {} into the shared trip of driver {} not offered: {}",
                            p.request().rideId(),
                            p.driver(),
                            outcomes.get(i));
                }
            }
            offered += pooled;
            if (!placed.isEmpty()) {
                rides = rides.stream()
                        .filter(r -> !placed.contains(r.request().rideId()))
                        .toList();
            }
            if (rides.isEmpty()) {
                return new WindowReport(
                        unit.code(), taken, poolVehicles, offered, lost, 0, 0, "none", eta, pooled, poolRejected);
            }
        }
        Map<DriverId, DriverCandidate> candidates = new LinkedHashMap<>();
        Map<Long, Set<DriverId>> excluded = new HashMap<>();
        List<List<AvailableDriver>> nearby = supply.nearbyEach(
                unit,
                rides.stream().map(r -> r.request().pickup()).toList(),
                settings.searchRadiusMetres(),
                settings.candidatesPerRide(),
                seenSince);
        for (int i = 0; i < rides.size(); i++) {
            PendingRide ride = rides.get(i);
            excluded.put(ride.request().rideId(), ride.excluded());
            for (AvailableDriver d : nearby.get(i)) {
                candidates.putIfAbsent(d.id(), new DriverCandidate(d.id(), d.location(), d.seats()));
            }
        }
        List<RideRequest> requests = rides.stream().map(PendingRide::request).toList();
        MatchResult result = matcher.match(
                requests, List.copyOf(candidates.values()), (r, d) -> !excluded.getOrDefault(r.rideId(), Set.of())
                        .contains(d.id()));
        List<Assignment> byEta = result.assignments().stream()
                .sorted(Comparator.comparingLong(Assignment::pickupEtaSeconds))
                .toList();
        List<Offer> toPlace = byEta.stream().map(a -> offerFor(unit, a, now)).toList();
        List<PlaceOutcome> outcomes = offers.placeAll(toPlace, settings.offerTimeout(), seenSince);
        for (int i = 0; i < byEta.size(); i++) {
            Assignment a = byEta.get(i);
            PlaceOutcome placed = outcomes.get(i);
            if (placed == PlaceOutcome.PLACED) {
                offered++;
                eta += a.pickupEtaSeconds();
            } else {
                lost++;
                log.debug(
                        "offer of ride {} to driver {} not placed: {}",
                        a.request().rideId(),
                        a.driver().id(),
                        placed);
            }
        }
        int gaveUp = 0;
        for (RideRequest r : result.unmatched()) {
            if (pending.missedWindow(r.rideId(), unit.code(), settings.maxWindows()) == MissOutcome.GIVE_UP
                    && reportNoDriver(unit, r)) {
                gaveUp++;
            }
        }
        return new WindowReport(
                unit.code(),
                taken,
                candidates.size() + poolVehicles,
                offered,
                lost,
                result.unmatched().size(),
                gaveUp,
                result.solver(),
                eta,
                pooled,
                poolRejected);
    }

    private Offer poolOfferFor(UnitDefinition unit, PoolInsertions.Proposal p, Instant now) {
        RideRequest r = p.request();
        return new Offer(
                ids.nextId(unit.id()),
                r.rideId(),
                p.driver(),
                unit.code(),
                r.pickup(),
                r.dropoff(),
                r.seats(),
                p.pickupEtaSeconds(),
                now,
                now.plus(settings.offerTimeout()),
                OfferStatus.PENDING,
                p.terms());
    }

    private Offer offerFor(UnitDefinition unit, Assignment a, Instant now) {
        RideRequest r = a.request();
        return new Offer(
                ids.nextId(unit.id()),
                r.rideId(),
                a.driver().id(),
                unit.code(),
                r.pickup(),
                r.dropoff(),
                r.seats(),
                a.pickupEtaSeconds(),
                now,
                now.plus(settings.offerTimeout()),
                OfferStatus.PENDING,
                pooling == null ? null : pooling.newTripTerms(r));
    }

    /** @return whether order-service took the report (or the ride had ended anyway) */
    private boolean reportNoDriver(UnitDefinition unit, RideRequest r) {
        AssignOutcome outcome = orders.noDriver(r.rideId());
        if (outcome instanceof AssignOutcome.Unreachable u) {
            // keep the ride queued at the limit: the next window reports again
            log.warn(
                    "ride {}: no driver after {} windows, but order-service is unreachable ({}); retrying",
                    r.rideId(),
                    settings.maxWindows(),
                    u.reason());
            pending.requeue(r.rideId(), unit.code(), Optional.empty(), false);
            return false;
        }
        log.info("ride {}: no driver after {} windows, reported ({})", r.rideId(), settings.maxWindows(), outcome);
        pending.withdraw(r.rideId(), unit.code());
        return true;
    }
}
