package io.ridemesh.pricing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.quote.QuoteClaims;
import io.ridemesh.common.quote.QuoteExpired;
import io.ridemesh.common.quote.QuoteSigner;
import io.ridemesh.pricing.domain.InvalidQuoteRequest;
import io.ridemesh.pricing.domain.OutsideServiceArea;
import io.ridemesh.pricing.domain.Product;
import io.ridemesh.pricing.domain.QuoteRequest;
import io.ridemesh.pricing.domain.SupplyReading;
import io.ridemesh.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class IssueQuoteTest {

    static final GeoPoint GRAND_CENTRAL = new GeoPoint(40.7527, -73.9772);
    static final GeoPoint WALL_STREET = new GeoPoint(40.7061, -74.0087);
    static final GeoPoint CHICAGO_LOOP = new GeoPoint(41.8819, -87.6278);

    final InMemoryQuotes quotes = new InMemoryQuotes();
    final MutableClock clock = QuoteFixtures.mondayAfternoon();
    final IssueQuote issueQuote = QuoteFixtures.issueQuote(quotes, clock, QuoteFixtures.plentifulSupply());

    @Test
    void issuesAStoredQuoteWhoseTokenVerifiesUntilTtl() {
        IssuedQuote issued = issueQuote.issue(new QuoteRequest(GRAND_CENTRAL, WALL_STREET, Product.SOLO, 1, "rider-1"));

        assertThat(quotes.byId(issued.quote().quoteId())).contains(issued.quote());
        QuoteClaims claims = new QuoteSigner(QuoteFixtures.KEY).verify(issued.token(), clock.instant());
        assertThat(claims.quoteId()).isEqualTo(issued.quote().quoteId());
        assertThat(claims.fareCents()).isEqualTo(issued.quote().fareCents());
        assertThat(claims.currency()).isEqualTo("USD");
        assertThat(claims.surgeMilli()).isEqualTo(1000);
        assertThat(claims.expiresAt()).isEqualTo(clock.instant().plus(QuoteFixtures.TTL));
        assertThat(issued.quote().unitId()).isEqualTo(1);
        // About 5.8 km straight: a plausible Midtown-Downtown fare and trip.
        assertThat(issued.quote().distanceMetres()).isBetween(6_000L, 9_000L);
        assertThat(issued.quote().durationSeconds()).isBetween(900L, 2_400L);
        assertThat(issued.quote().fareCents()).isBetween(1_500L, 4_000L);
        // Weekday 13:00: MTA surcharge only.
        assertThat(issued.quote().fare().surchargesCents()).isEqualTo(50);

        clock.advance(QuoteFixtures.TTL);
        assertThatThrownBy(() -> new QuoteSigner(QuoteFixtures.KEY).verify(issued.token(), clock.instant()))
                .isInstanceOf(QuoteExpired.class);
    }

    @Test
    void pricesChicagoTripsInChicagoWithItsUnitId() {
        IssuedQuote issued = issueQuote.issue(
                new QuoteRequest(CHICAGO_LOOP, new GeoPoint(41.9484, -87.6553), Product.SOLO, 1, "rider-1"));

        assertThat(issued.quote().unitId()).isEqualTo(2);
        assertThat(issued.quote().fare().surchargesCents()).isZero();
    }

    @Test
    void chargesAPoolSeatLessThanASoloRide() {
        long solo = issueQuote
                .issue(new QuoteRequest(GRAND_CENTRAL, WALL_STREET, Product.SOLO, 1, "rider-1"))
                .quote()
                .fareCents();
        long pool = issueQuote
                .issue(new QuoteRequest(GRAND_CENTRAL, WALL_STREET, Product.POOL, 1, "rider-1"))
                .quote()
                .fareCents();

        assertThat(pool).isLessThan(solo);
    }

    @Test
    void rejectsMoreSeatsThanTheProductAllowsAndStoresNothing() {
        assertThatThrownBy(() ->
                        issueQuote.issue(new QuoteRequest(GRAND_CENTRAL, WALL_STREET, Product.POOL, 3, "rider-1")))
                .isInstanceOfSatisfying(InvalidQuoteRequest.class, e -> {
                    assertThat(e.field()).isEqualTo("seats");
                    assertThat(e.detail()).isEqualTo("must be <= 2 for POOL, but was 3");
                });
        assertThat(quotes.count()).isZero();
    }

    @Test
    void rejectsPickupOutsideEveryUnitAndStoresNothing() {
        GeoPoint london = new GeoPoint(51.5072, -0.1276);

        assertThatThrownBy(() -> issueQuote.issue(new QuoteRequest(london, WALL_STREET, Product.SOLO, 1, "rider-1")))
                .isInstanceOfSatisfying(
                        OutsideServiceArea.class, e -> assertThat(e.field()).isEqualTo("pickup"));
        assertThat(quotes.count()).isZero();
    }

    @Test
    void rejectsDropoffInAnotherUnit() {
        assertThatThrownBy(() ->
                        issueQuote.issue(new QuoteRequest(GRAND_CENTRAL, CHICAGO_LOOP, Product.SOLO, 1, "rider-1")))
                .isInstanceOfSatisfying(
                        OutsideServiceArea.class, e -> assertThat(e.field()).isEqualTo("dropoff"));
        assertThat(quotes.count()).isZero();
    }

    @Test
    void stillQuotesWithoutSurgeWhenSupplyIsUnreadable() {
        IssueQuote degraded = QuoteFixtures.issueQuote(
                quotes, clock, (unit, cell) -> new SupplyReading.Unavailable("connection refused"));

        IssuedQuote issued = degraded.issue(new QuoteRequest(GRAND_CENTRAL, WALL_STREET, Product.SOLO, 1, "rider-1"));

        assertThat(issued.surge().fallback()).isTrue();
        assertThat(issued.quote().surgeMilli()).isEqualTo(1000);
        assertThat(quotes.count()).isEqualTo(1);
    }
}
