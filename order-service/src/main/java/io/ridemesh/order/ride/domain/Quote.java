package io.ridemesh.order.ride.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The upfront price a ride was booked at, taken from a verified quote token. Immutable; thread-safe.
 *
 * @param quoteId the quote's id, 1..64 of {@code [A-Za-z0-9_-]}
 * @param fareCents the quoted fare in minor units of {@code currency}, {@code >= 0}
 * @param currency ISO 4217 code, three upper-case letters
 * @param distanceMetres the distance the fare was priced for, metres, {@code >= 0}
 * @param durationSeconds the duration the fare was priced for, seconds, {@code >= 0}
 * @throws IllegalArgumentException if a field is out of range
 */
public record Quote(String quoteId, long fareCents, String currency, long distanceMetres, long durationSeconds) {

    private static final Pattern QUOTE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Quote {
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(currency, "currency");
        if (!QUOTE_ID.matcher(quoteId).matches()) {
            throw new IllegalArgumentException("quoteId must be 1..64 of [A-Za-z0-9_-], but was '" + quoteId + "'");
        }
        if (fareCents < 0) {
            throw new IllegalArgumentException("fareCents must be >= 0, but was " + fareCents);
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be 3 upper-case letters, but was '" + currency + "'");
        }
        if (distanceMetres < 0) {
            throw new IllegalArgumentException("distanceMetres must be >= 0, but was " + distanceMetres);
        }
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must be >= 0, but was " + durationSeconds);
        }
    }
}
