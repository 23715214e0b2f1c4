package io.ridemesh.order.ride.application;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.quote.QuoteClaims;
import io.ridemesh.common.quote.QuoteSigner;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.order.ride.domain.Quote;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideAlreadyRequested;
import io.ridemesh.order.ride.domain.RideEvents;
import io.ridemesh.order.ride.domain.RideId;
import io.ridemesh.order.ride.domain.Rides;
import io.ridemesh.order.ride.domain.SeatLimits;
import io.ridemesh.order.ride.domain.Transition;
import io.ridemesh.order.ride.domain.Trip;
import io.ridemesh.order.unit.domain.OutsideServiceArea;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Use case: a rider requests a ride at a quoted price.
 *
 * <p><b>Idempotency.</b> The rider's {@code Idempotency-Key} is unique per rider (a unique key in {@code rides}). A
 * request whose key was used before returns the earlier ride if the body has the same {@linkplain
 * RideRequest#fingerprint() fingerprint} ({@link RequestOutcome.Replayed}, nothing written) and fails with
 * {@link IdempotencyKeyReused} otherwise. Concurrent first requests race on the unique key: exactly one insert
 * commits, the others read the winner and replay it. A replay is checked before the quote, so retrying after the
 * quote expired still returns the ride.
 *
 * <p><b>Checks</b>, in order, each failing without writing anything: quote signature and expiry
 * ({@link io.ridemesh.common.quote.InvalidQuote}), the quote issued to this rider ({@link QuoteMismatch} on
 * {@code quoteToken}), seats per product ({@link InvalidRideRequest}), the request matching the quote
 * ({@link QuoteMismatch}), the pickup inside a unit ({@link OutsideServiceArea}), the quote's currency being the
 * unit's ({@link QuoteMismatch} on {@code quoteToken}), the quote not used before ({@link QuoteAlreadyUsed}: a quote
 * buys one ride; the unique key {@code (quote_id, created_region)} settles concurrent requests).
 *
 * <p>The ride id is a global id issued for the pickup's unit. The ride and its {@code RideRequested} outbox event are
 * written in one local transaction. Thread-safe.
 */
public final class RequestRide {

    /** Coordinates must equal the quoted ones within this many degrees (about 1 cm): JSON round trips are exact. */
    static final double COORDINATE_TOLERANCE_DEGREES = 1e-7;

    /** Inserts that lose the unique-key race to a request that then rolls back are retried this often. */
    private static final int MAX_INSERT_ATTEMPTS = 3;

    private final Rides rides;
    private final RideEvents events;
    private final UnitMap units;
    private final QuoteSigner quotes;
    private final GlobalIdGenerator ids;
    private final InstantSource clock;
    private final TransactionOperations transactions;
    private final SeatLimits seatLimits;

    public RequestRide(
            Rides rides,
            RideEvents events,
            UnitMap units,
            QuoteSigner quotes,
            GlobalIdGenerator ids,
            InstantSource clock,
            TransactionOperations transactions,
            SeatLimits seatLimits) {
        this.rides = Objects.requireNonNull(rides, "rides");
        this.events = Objects.requireNonNull(events, "events");
        this.units = Objects.requireNonNull(units, "units");
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.seatLimits = Objects.requireNonNull(seatLimits, "seatLimits");
    }

    /**
     * Creates the ride, or returns the one an identical earlier request created.
     *
     * @throws io.ridemesh.common.quote.QuoteTampered if the quote token is not genuine
     * @throws io.ridemesh.common.quote.QuoteExpired if the quote expired
     * @throws InvalidRideRequest if the product does not allow that many seats
     * @throws QuoteMismatch if the request differs from the quote, or the quote's currency is not the unit's
     * @throws OutsideServiceArea if no unit serves the pickup
     * @throws IdempotencyKeyReused if the key was used for a different request
     * @throws QuoteAlreadyUsed if another ride was requested with this quote
     */
    public RequestOutcome request(RideRequest request) {
        Optional<Ride> earlier = rides.findByIdempotencyKey(request.riderId(), request.idempotencyKey());
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        Instant now = clock.instant();
        QuoteClaims claims = quotes.verify(request.quoteToken(), now);
        if (!claims.riderId().equals(request.riderId().value())) {
            throw new QuoteMismatch(
                    "quoteToken", "must be a quote issued to you; this one was issued to another rider");
        }
        Trip trip = request.trip();
        int maxSeats = seatLimits.maxSeats(trip.product());
        if (trip.seats() > maxSeats) {
            throw new InvalidRideRequest(
                    "seats", "must be in 1.." + maxSeats + " for " + trip.product() + ", but was " + trip.seats());
        }
        requireMatch(claims, trip);
        UnitDefinition unit =
                units.at(trip.pickup()).orElseThrow(() -> new OutsideServiceArea(trip.pickup(), units.all()));
        if (!claims.currency().equals(unit.currency())) {
            throw new QuoteMismatch(
                    "quoteToken",
                    "must be priced in " + unit.currency() + ", the currency of unit " + unit.code() + ", but was "
                            + claims.currency());
        }
        if (rides.quoteUsed(claims.quoteId())) {
            // a retry of the request that used it (its ride committed after our first look) replays that ride
            Optional<Ride> sameKey = rides.findByIdempotencyKey(request.riderId(), request.idempotencyKey());
            if (sameKey.isPresent()) {
                return replay(sameKey.get(), request);
            }
            throw new QuoteAlreadyUsed(claims.quoteId());
        }
        Quote quote = new Quote(
                claims.quoteId(),
                claims.fareCents(),
                claims.currency(),
                claims.distanceMetres(),
                claims.durationSeconds());
        String fingerprint = request.fingerprint();
        for (int attempt = 1; ; attempt++) {
            Transition requested = Ride.request(
                    new RideId(ids.nextId(unit.id())),
                    request.riderId(),
                    trip,
                    quote,
                    request.idempotencyKey(),
                    fingerprint,
                    now);
            try {
                Ride created = transactions.execute(status -> {
                    Ride stored = rides.insert(requested.ride());
                    events.append(
                            Objects.requireNonNull(requested.event(), "event"),
                            stored.revision().hlc());
                    return stored;
                });
                return new RequestOutcome.Created(Objects.requireNonNull(created, "transaction result"));
            } catch (RideAlreadyRequested e) {
                // A concurrent request with the same key committed first (we read it now), or it rolled back and
                // the key is free again (we retry).
                Optional<Ride> winner = rides.findByIdempotencyKey(request.riderId(), request.idempotencyKey());
                if (winner.isPresent()) {
                    return replay(winner.get(), request);
                }
                if (rides.quoteUsed(quote.quoteId())) {
                    // a concurrent request with another key took the quote first
                    throw new QuoteAlreadyUsed(quote.quoteId());
                }
                if (attempt >= MAX_INSERT_ATTEMPTS) {
                    // The key is taken by a row that reads do not return (a tombstone).
                    throw new IdempotencyKeyReused(request.idempotencyKey(), null);
                }
            }
        }
    }

    private static RequestOutcome replay(Ride earlier, RideRequest request) {
        if (!earlier.requestHash().equals(request.fingerprint())) {
            throw new IdempotencyKeyReused(request.idempotencyKey(), earlier.id());
        }
        return new RequestOutcome.Replayed(earlier);
    }

    private static void requireMatch(QuoteClaims claims, Trip trip) {
        GeoPoint quotedPickup = new GeoPoint(claims.pickupLat(), claims.pickupLon());
        if (!quotedPickup.isCloseTo(trip.pickup(), COORDINATE_TOLERANCE_DEGREES)) {
            throw new QuoteMismatch(
                    "pickup", "must be the quoted pickup " + quotedPickup + ", but was " + trip.pickup());
        }
        GeoPoint quotedDropoff = new GeoPoint(claims.dropoffLat(), claims.dropoffLon());
        if (!quotedDropoff.isCloseTo(trip.dropoff(), COORDINATE_TOLERANCE_DEGREES)) {
            throw new QuoteMismatch(
                    "dropoff", "must be the quoted dropoff " + quotedDropoff + ", but was " + trip.dropoff());
        }
        if (!claims.product().equals(trip.product().name())) {
            throw new QuoteMismatch(
                    "product", "must be the quoted product " + claims.product() + ", but was " + trip.product());
        }
        if (claims.seats() != trip.seats()) {
            throw new QuoteMismatch(
                    "seats", "must be the quoted " + claims.seats() + " seats, but was " + trip.seats());
        }
    }
}
