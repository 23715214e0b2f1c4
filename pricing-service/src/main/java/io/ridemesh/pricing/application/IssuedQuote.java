package io.ridemesh.pricing.application;

import io.ridemesh.pricing.domain.Quote;
import io.ridemesh.pricing.domain.Surge;
import java.util.Objects;

/**
 * A quote as handed to the rider: the stored quote, its signed token and the surge behind it. Immutable; thread-safe.
 *
 * @param quote the stored quote
 * @param token the signed token order-service verifies
 * @param surge how the multiplier came about
 */
public record IssuedQuote(Quote quote, String token, Surge surge) {

    public IssuedQuote {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(surge, "surge");
    }
}
