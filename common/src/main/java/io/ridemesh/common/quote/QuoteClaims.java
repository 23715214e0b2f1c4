package io.ridemesh.common.quote;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an upfront quote promises, as carried inside the signed token: the price, the trip it was priced for and until
 * when it holds.
 *
 * <p>Immutable; thread-safe. Construction fails with {@link IllegalArgumentException} naming the field, what was
 * expected and what came.
 *
 * @param quoteId 1–64 characters of {@code [A-Za-z0-9_-]}, unique per issued quote
 * @param product {@code SOLO} or {@code POOL}
 * @param seats seats booked, {@code >= 1}
 * @param pickupLat pickup latitude, WGS84 degrees
 * @param pickupLon pickup longitude, WGS84 degrees
 * @param dropoffLat dropoff latitude, WGS84 degrees
 * @param dropoffLon dropoff longitude, WGS84 degrees
 * @param fareCents the price the rider pays, in minor units of {@code currency}, {@code >= 0}
 * @param currency ISO 4217 code, three upper-case letters
 * @param surgeMilli surge multiplier times 1000 ({@code 1000} = no surge), {@code >= 1000}
 * @param distanceMetres estimated distance, metres, {@code >= 0}
 * @param durationSeconds estimated duration, seconds, {@code >= 0}
 * @param expiresAt the quote is valid strictly before this instant
 * @param riderId the rider the quote was issued to (the subject of the rider's token), 1–64 characters without
 *     whitespace or control characters: only this rider may request a ride with it
 */
public record QuoteClaims(
        String quoteId,
        String product,
        int seats,
        double pickupLat,
        double pickupLon,
        double dropoffLat,
        double dropoffLon,
        long fareCents,
        String currency,
        long surgeMilli,
        long distanceMetres,
        long durationSeconds,
        Instant expiresAt,
        String riderId) {

    private static final Pattern QUOTE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** Longest rider id: the longest token subject the platform accepts. */
    public static final int MAX_RIDER_ID_LENGTH = 64;

    public QuoteClaims {
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(riderId, "riderId");
        if (!QUOTE_ID.matcher(quoteId).matches()) {
            throw new IllegalArgumentException("quoteId must be 1-64 of [A-Za-z0-9_-], but was '" + quoteId + "'");
        }
        if (!product.equals("SOLO") && !product.equals("POOL")) {
            throw new IllegalArgumentException("product must be SOLO or POOL, but was '" + product + "'");
        }
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be >= 1, but was " + seats);
        }
        requireRange("pickupLat", pickupLat, 90);
        requireRange("pickupLon", pickupLon, 180);
        requireRange("dropoffLat", dropoffLat, 90);
        requireRange("dropoffLon", dropoffLon, 180);
        if (fareCents < 0) {
            throw new IllegalArgumentException("fareCents must be >= 0, but was " + fareCents);
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be 3 upper-case letters, but was '" + currency + "'");
        }
        if (surgeMilli < 1000) {
            throw new IllegalArgumentException("surgeMilli must be >= 1000, but was " + surgeMilli);
        }
        if (distanceMetres < 0) {
            throw new IllegalArgumentException("distanceMetres must be >= 0, but was " + distanceMetres);
        }
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("durationSeconds must be >= 0, but was " + durationSeconds);
        }
        if (riderId.isEmpty()
                || riderId.length() > MAX_RIDER_ID_LENGTH
                || riderId.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("riderId must be 1-" + MAX_RIDER_ID_LENGTH
                    + " characters without whitespace or control characters, but was '" + riderId + "'");
        }
    }

    private static void requireRange(String field, double value, double bound) {
        if (!(value >= -bound && value <= bound)) {
            throw new IllegalArgumentException(
                    field + " must be within [-" + (int) bound + ", " + (int) bound + "], but was " + value);
        }
    }
}
