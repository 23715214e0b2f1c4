package io.ridemesh.pricing.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ridemesh.pricing.application.IssuedQuote;
import io.ridemesh.pricing.domain.Quote;
import java.time.Instant;

/**
 * JSON body answering {@code POST /v1/quotes} (with the token) and {@code GET /v1/quotes/{id}} (without).
 *
 * @param quoteId quote id
 * @param token signed quote token to pass to order-service, absent on GET
 * @param fareCents what the rider pays, minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param surgeMultiplier surge applied, e.g. 1.2
 * @param distanceMetres estimated distance, metres
 * @param durationSeconds estimated duration, seconds
 * @param expiresAt the quote is valid strictly before this instant (UTC)
 */
record QuoteResponse(
        String quoteId,

        @JsonInclude(JsonInclude.Include.NON_NULL) @org.jspecify.annotations.Nullable
        String token,

        long fareCents,
        String currency,
        double surgeMultiplier,
        long distanceMetres,
        long durationSeconds,
        Instant expiresAt) {

    static QuoteResponse issued(IssuedQuote issued) {
        return of(issued.quote(), issued.token());
    }

    static QuoteResponse stored(Quote q) {
        return of(q, null);
    }

    private static QuoteResponse of(Quote q, @org.jspecify.annotations.Nullable String token) {
        return new QuoteResponse(
                q.quoteId(),
                token,
                q.fareCents(),
                q.currency(),
                q.surgeMilli() / 1000.0,
                q.distanceMetres(),
                q.durationSeconds(),
                q.expiresAt());
    }
}
