package io.ridemesh.order.ride.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.quote.QuoteClaims;
import io.ridemesh.common.quote.QuoteExpired;
import io.ridemesh.common.quote.QuoteTampered;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.order.ride.domain.IdempotencyKey;
import io.ridemesh.order.ride.domain.Product;
import io.ridemesh.order.ride.domain.RideRequested;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.RiderId;
import io.ridemesh.order.ride.domain.SeatLimits;
import io.ridemesh.order.ride.domain.Trip;
import io.ridemesh.order.support.InMemoryRides;
import io.ridemesh.order.support.Quotes;
import io.ridemesh.order.unit.domain.OutsideServiceArea;
import io.ridemesh.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** {@link RequestRide} with in-memory ports: checks, idempotency and the write of ride plus event. */
class RequestRideTest {

    private static final UnitMap UNITS =
            new UnitMap(List.of(UnitMap.standard().byCode("nyc").orElseThrow()));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final InMemoryRides rides = new InMemoryRides();
    private final RequestRide requestRide = new RequestRide(
            rides,
            rides,
            UNITS,
            Quotes.SIGNER,
            GlobalIdGenerator.create(1, 0, clock),
            clock,
            TransactionOperations.withoutTransaction(),
            new SeatLimits(4, 2));

    private RideRequest request(QuoteClaims claims, String key) {
        return new RideRequest(
                new RiderId("rider-1"),
                new IdempotencyKey(key),
                Quotes.sign(claims),
                new Trip(
                        new GeoPoint(claims.pickupLat(), claims.pickupLon()),
                        new GeoPoint(claims.dropoffLat(), claims.dropoffLon()),
                        Product.valueOf(claims.product()),
                        claims.seats()));
    }

    @Test
    void createsARequestedRideInThePickupsUnitWithItsEvent() {
        RequestOutcome outcome = requestRide.request(request(Quotes.nyc(clock.instant(), "rider-1"), "k1"));

        assertThat(outcome).isInstanceOf(RequestOutcome.Created.class);
        assertThat(outcome.ride().status()).isEqualTo(RideStatus.REQUESTED);
        assertThat(outcome.ride().unitId()).isEqualTo(1);
        assertThat(outcome.ride().quote().fareCents()).isEqualTo(2450);
        assertThat(outcome.ride().revision().version()).isEqualTo(1);
        assertThat(rides.events()).singleElement().isInstanceOf(RideRequested.class);
    }

    @Test
    void replaysAnIdenticalRequestEvenAfterTheQuoteExpired() {
        RideRequest request = request(Quotes.nyc(clock.instant(), "rider-1"), "k1");
        RequestOutcome first = requestRide.request(request);
        clock.advance(Duration.ofHours(1));

        RequestOutcome again = requestRide.request(request);

        assertThat(again).isEqualTo(new RequestOutcome.Replayed(first.ride()));
        assertThat(rides.size()).isEqualTo(1);
        assertThat(rides.events()).hasSize(1);
    }

    @Test
    void refusesAQuoteIssuedToAnotherRiderAndWritesNothing() {
        QuoteClaims theirs = Quotes.nyc(clock.instant(), "rider-2");

        assertThatThrownBy(() -> requestRide.request(request(theirs, "k1")))
                .isInstanceOfSatisfying(
                        QuoteMismatch.class, e -> assertThat(e.field()).isEqualTo("quoteToken"));
        assertThat(rides.size()).isZero();
    }

    @Test
    void aQuoteBuysOneRide() {
        QuoteClaims claims = Quotes.nyc(clock.instant(), "rider-1");
        requestRide.request(request(claims, "k1"));

        assertThatThrownBy(() -> requestRide.request(request(claims, "k2")))
                .isInstanceOfSatisfying(
                        QuoteAlreadyUsed.class, e -> assertThat(e.quoteId()).isEqualTo(claims.quoteId()));
        assertThat(rides.size()).isEqualTo(1);
    }

    @Test
    void refusesAKeyReusedForAnotherRequest() {
        requestRide.request(request(Quotes.nyc(clock.instant(), "rider-1"), "k1"));

        assertThatThrownBy(() -> requestRide.request(request(Quotes.nyc(clock.instant(), "rider-1"), "k1")))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(rides.size()).isEqualTo(1);
    }

    @Test
    void fingerprintsIgnoreFormattingButNotMeaning() {
        RideRequest request = request(Quotes.nyc(clock.instant(), "rider-1"), "k1");
        RideRequest sameMeaning =
                new RideRequest(request.riderId(), request.idempotencyKey(), request.quoteToken(), request.trip());
        RideRequest otherSeats = new RideRequest(
                request.riderId(),
                request.idempotencyKey(),
                request.quoteToken(),
                new Trip(request.trip().pickup(), request.trip().dropoff(), Product.SOLO, 2));

        assertThat(sameMeaning.fingerprint()).isEqualTo(request.fingerprint()).hasSize(64);
        assertThat(otherSeats.fingerprint()).isNotEqualTo(request.fingerprint());
    }

    @Test
    void refusesTamperedAndExpiredQuotesWithoutWriting() {
        RideRequest genuine = request(Quotes.nyc(clock.instant(), "rider-1"), "k1");
        RideRequest tampered = new RideRequest(
                genuine.riderId(), genuine.idempotencyKey(), genuine.quoteToken() + "x", genuine.trip());
        QuoteClaims expiring = Quotes.nyc(clock.instant(), "rider-1");

        assertThatThrownBy(() -> requestRide.request(tampered)).isInstanceOf(QuoteTampered.class);
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> requestRide.request(request(expiring, "k2")))
                .isInstanceOf(QuoteExpired.class)
                .hasMessageContaining("expired at");
        assertThat(rides.size()).isZero();
        assertThat(rides.events()).isEmpty();
    }

    @Test
    void namesTheFieldThatDiffersFromTheQuote() {
        QuoteClaims claims = Quotes.nyc(clock.instant(), "rider-1");
        RideRequest request = request(claims, "k1");
        RideRequest otherDropoff = new RideRequest(
                request.riderId(),
                request.idempotencyKey(),
                request.quoteToken(),
                new Trip(request.trip().pickup(), new GeoPoint(40.8, -73.95), Product.SOLO, 1));

        assertThatThrownBy(() -> requestRide.request(otherDropoff))
                .isInstanceOfSatisfying(
                        QuoteMismatch.class, e -> assertThat(e.field()).isEqualTo("dropoff"));
    }

    @Test
    void refusesPickupsOutsideEveryUnitNamingThem() {
        QuoteClaims paris = Quotes.claims(
                "SOLO", 1, 48.85, 2.35, 48.86, 2.36, "EUR", clock.instant().plusSeconds(60), "rider-1");

        assertThatThrownBy(() -> requestRide.request(request(paris, "k1")))
                .isInstanceOf(OutsideServiceArea.class)
                .hasMessage("must be inside a served unit (nyc), but was 48.85,2.35");
    }

    @Test
    void refusesMoreSeatsThanTheProductAllows() {
        QuoteClaims pool = Quotes.claims(
                "POOL",
                3,
                Quotes.PICKUP_LAT,
                Quotes.PICKUP_LON,
                Quotes.DROPOFF_LAT,
                Quotes.DROPOFF_LON,
                "USD",
                clock.instant().plusSeconds(60),
                "rider-1");

        assertThatThrownBy(() -> requestRide.request(request(pool, "k1")))
                .isInstanceOfSatisfying(
                        InvalidRideRequest.class, e -> assertThat(e.field()).isEqualTo("seats"))
                .hasMessage("must be in 1..2 for POOL, but was 3");
    }
}
