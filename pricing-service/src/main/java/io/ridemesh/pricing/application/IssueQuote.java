package io.ridemesh.pricing.application;

import io.ridemesh.common.geo.CellIndex;
import io.ridemesh.common.quote.QuoteClaims;
import io.ridemesh.common.quote.QuoteSigner;
import io.ridemesh.pricing.domain.FareBreakdown;
import io.ridemesh.pricing.domain.FareCalculator;
import io.ridemesh.pricing.domain.InvalidQuoteRequest;
import io.ridemesh.pricing.domain.OutsideServiceArea;
import io.ridemesh.pricing.domain.PricingModel;
import io.ridemesh.pricing.domain.ProductRules;
import io.ridemesh.pricing.domain.Quote;
import io.ridemesh.pricing.domain.QuoteRequest;
import io.ridemesh.pricing.domain.QuoteRequestRejected;
import io.ridemesh.pricing.domain.Quotes;
import io.ridemesh.pricing.domain.ServiceUnit;
import io.ridemesh.pricing.domain.Surge;
import io.ridemesh.pricing.domain.SurgePricing;
import io.ridemesh.pricing.domain.TripEstimate;
import io.ridemesh.pricing.domain.TripEstimator;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Use case: price a ride upfront and issue a signed quote.
 *
 * <p>Steps: check seats against the product; find the unit serving the pickup (else {@link OutsideServiceArea} on
 * {@code pickup}) and require the dropoff inside the same unit's area (else on {@code dropoff}: out-of-town rates are
 * not modelled, so such trips are refused rather than mispriced); estimate distance and duration; record demand and
 * read the surge of the pickup's H3 cell (a rider counts once per demand window); price; sign, bound to the rider;
 * store. A rejected request stores nothing and records no
 * demand.
 *
 * <p>Thread-safe if its collaborators are (they are, as built by the service's configuration).
 */
public final class IssueQuote {

    private final PricingModel model;
    private final TripEstimator estimator;
    private final FareCalculator fares;
    private final ProductRules products;
    private final SurgePricing surge;
    private final CellIndex cells;
    private final QuoteSigner signer;
    private final Quotes quotes;
    private final InstantSource clock;
    private final Duration ttl;
    private final Supplier<String> quoteIds;

    /**
     * @param ttl how long a quote stays valid, {@code > 0}
     * @param quoteIds new quote ids, each matching {@code [A-Za-z0-9_-]{1,64}}
     */
    public IssueQuote(
            PricingModel model,
            TripEstimator estimator,
            ProductRules products,
            SurgePricing surge,
            CellIndex cells,
            QuoteSigner signer,
            Quotes quotes,
            InstantSource clock,
            Duration ttl,
            Supplier<String> quoteIds) {
        this.model = Objects.requireNonNull(model, "model");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.products = Objects.requireNonNull(products, "products");
        this.fares = new FareCalculator(products);
        this.surge = Objects.requireNonNull(surge, "surge");
        this.cells = Objects.requireNonNull(cells, "cells");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.quotes = Objects.requireNonNull(quotes, "quotes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.quoteIds = Objects.requireNonNull(quoteIds, "quoteIds");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be > 0, but was " + ttl);
        }
        this.ttl = ttl;
    }

    /**
     * Prices, signs and stores a quote.
     *
     * @throws QuoteRequestRejected naming the field when the request cannot be priced
     */
    public IssuedQuote issue(QuoteRequest request) {
        int maxSeats = products.maxSeats(request.product());
        if (request.seats() > maxSeats) {
            throw new InvalidQuoteRequest(
                    "seats", "must be <= " + maxSeats + " for " + request.product() + ", but was " + request.seats());
        }
        ServiceUnit unit = model.units()
                .serving(request.pickup())
                .orElseThrow(() -> new OutsideServiceArea(
                        "pickup", request.pickup(), "is outside every served unit, but was " + request.pickup()));
        if (!unit.serves(request.dropoff())) {
            throw new OutsideServiceArea(
                    "dropoff",
                    request.dropoff(),
                    "must be inside the service area of unit " + unit.code() + ", but was " + request.dropoff());
        }
        // Milliseconds: the token carries expiry at that precision, so the stored quote and the token agree.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        TripEstimate estimate = estimator.estimate(unit, request.pickup(), request.dropoff(), now);
        String cell = cells.cellAt(request.pickup(), surge.policy().h3Resolution());
        Surge s = surge.quoteRequested(unit.code(), cell, request.riderId(), now);
        FareBreakdown fare = fares.price(
                unit.tariffAt(now),
                estimate,
                request.product(),
                request.seats(),
                now.atZone(unit.zone()).toLocalDateTime(),
                s.multiplierMilli());
        Quote quote = new Quote(
                quoteIds.get(),
                unit.id(),
                request.product(),
                request.seats(),
                request.pickup(),
                request.dropoff(),
                cell,
                fare,
                unit.currency(),
                s.multiplierMilli(),
                estimate.roundedDistanceMetres(),
                estimate.roundedDurationSeconds(),
                now,
                now.plus(ttl).truncatedTo(ChronoUnit.MILLIS),
                request.riderId());
        String token = signer.sign(new QuoteClaims(
                quote.quoteId(),
                quote.product().name(),
                quote.seats(),
                quote.pickup().lat(),
                quote.pickup().lon(),
                quote.dropoff().lat(),
                quote.dropoff().lon(),
                quote.fareCents(),
                quote.currency(),
                quote.surgeMilli(),
                quote.distanceMetres(),
                quote.durationSeconds(),
                quote.expiresAt(),
                quote.riderId()));
        quotes.add(quote);
        return new IssuedQuote(quote, token, s);
    }
}
