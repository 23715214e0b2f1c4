package io.ridemesh.order.support;

import io.ridemesh.order.ride.domain.IdempotencyKey;
import io.ridemesh.order.ride.domain.Revision;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideAlreadyRequested;
import io.ridemesh.order.ride.domain.RideEvent;
import io.ridemesh.order.ride.domain.RideEvents;
import io.ridemesh.order.ride.domain.RideId;
import io.ridemesh.order.ride.domain.RiderId;
import io.ridemesh.order.ride.domain.Rides;
import io.ridemesh.order.ride.domain.StaleWrite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link Rides} and {@link RideEvents} in memory, with the same CAS semantics as the JDBC adapters. */
public final class InMemoryRides implements Rides, RideEvents {

    private final Map<RideId, Ride> rows = new ConcurrentHashMap<>();
    private final List<RideEvent> events = new ArrayList<>();
    private final AtomicLong hlc = new AtomicLong(1_000);

    @Override
    public Optional<Ride> find(RideId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Ride> findByIdempotencyKey(RiderId riderId, IdempotencyKey key) {
        return rows.values().stream()
                .filter(ride ->
                        ride.riderId().equals(riderId) && ride.idempotencyKey().equals(key))
                .findFirst();
    }

    @Override
    public synchronized boolean quoteUsed(String quoteId) {
        return rows.values().stream().anyMatch(ride -> ride.quote().quoteId().equals(quoteId));
    }

    @Override
    public List<Ride> findAllByIdempotencyKey(RiderId riderId, IdempotencyKey key) {
        return rows.values().stream()
                .filter(ride ->
                        ride.riderId().equals(riderId) && ride.idempotencyKey().equals(key))
                .sorted(Comparator.comparingLong(ride -> ride.id().value()))
                .toList();
    }

    @Override
    public List<Ride> findOpenWithDuplicates(int limit) {
        return rows.values().stream()
                .filter(ride -> switch (ride.status()) {
                    case REQUESTED, DRIVER_ASSIGNED, DRIVER_ARRIVED -> true;
                    default -> false;
                })
                .filter(ride -> findAllByIdempotencyKey(ride.riderId(), ride.idempotencyKey())
                                .size()
                        > 1)
                .sorted(Comparator.comparingLong(ride -> ride.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Ride> list(Filter filter, int limit) {
        return rows.values().stream()
                .filter(ride -> filter.riderId() == null || ride.riderId().equals(filter.riderId()))
                .filter(ride -> filter.driverId() == null || filter.driverId().equals(ride.driverId()))
                .filter(ride -> filter.status() == null || ride.status() == filter.status())
                .sorted(Comparator.comparing(Ride::requestedAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public List<Ride> waiting(
            int unitId, java.time.Instant requestedFrom, java.time.Instant requestedBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, but was " + limit);
        }
        return rows.values().stream()
                .filter(ride -> ride.status() == io.ridemesh.order.ride.domain.RideStatus.REQUESTED)
                .filter(ride -> ride.unitId() == unitId)
                .filter(ride -> !ride.requestedAt().isBefore(requestedFrom)
                        && ride.requestedAt().isBefore(requestedBefore))
                .sorted(Comparator.comparing(Ride::requestedAt)
                        .thenComparing(ride -> ride.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Ride insert(Ride ride) {
        // the unique keys of rides: (rider, key, created region) V5 and (quote, created region) V7
        int region = io.ridemesh.common.id.GlobalIdGenerator.regionOf(ride.id().value());
        if (rows.values().stream()
                .filter(r -> io.ridemesh.common.id.GlobalIdGenerator.regionOf(r.id().value()) == region)
                .anyMatch(r -> (r.riderId().equals(ride.riderId())
                                && r.idempotencyKey().equals(ride.idempotencyKey()))
                        || r.quote().quoteId().equals(ride.quote().quoteId()))) {
            throw new RideAlreadyRequested(ride.riderId(), ride.idempotencyKey(), new IllegalStateException("dup"));
        }
        Ride stored = ride.atRevision(new Revision(1, hlc.incrementAndGet()));
        rows.put(ride.id(), stored);
        return stored;
    }

    @Override
    public synchronized Ride update(Ride changed) {
        Ride current = rows.get(changed.id());
        if (current == null || !current.revision().equals(changed.revision())) {
            throw new StaleWrite(changed.id(), changed.revision(), current);
        }
        Ride stored = changed.atRevision(new Revision(current.revision().version() + 1, hlc.incrementAndGet()));
        rows.put(changed.id(), stored);
        return stored;
    }

    /** Stores a ride as if another writer did (bumping its revision). */
    public synchronized Ride overwrite(Ride ride) {
        Ride stored = ride.atRevision(new Revision(ride.revision().version() + 1, hlc.incrementAndGet()));
        rows.put(ride.id(), stored);
        return stored;
    }

    @Override
    public synchronized void append(RideEvent event, long hlc) {
        events.add(event);
    }

    /** Every event appended so far. */
    public synchronized List<RideEvent> events() {
        return List.copyOf(events);
    }

    public int size() {
        return rows.size();
    }
}
