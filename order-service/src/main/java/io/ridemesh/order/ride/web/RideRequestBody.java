package io.ridemesh.order.ride.web;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.kit.problem.FieldErrors;
import io.ridemesh.order.ride.domain.Product;
import io.ridemesh.order.ride.domain.SeatLimits;
import io.ridemesh.order.ride.domain.Trip;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/rides}. Fields are nullable so every missing or bad one is reported by name.
 *
 * @param quoteToken the signed quote from pricing-service
 * @param pickup where the rider is picked up; must be the quoted pickup and inside a served unit
 * @param dropoff where the rider goes; must be the quoted dropoff
 * @param product {@code SOLO} or {@code POOL}; must be the quoted product
 * @param seats 1 up to the product's maximum; must be the quoted seats
 */
public record RideRequestBody(
        @Nullable String quoteToken,
        @Nullable PointBody pickup,
        @Nullable PointBody dropoff,
        @Nullable String product,
        @Nullable Integer seats) {

    /** Longest accepted quote token, characters. */
    static final int MAX_QUOTE_TOKEN_LENGTH = 2048;

    /**
     * Checks the fields' format and ranges, recording every problem in {@code errors}.
     *
     * @return the trip, or {@code null} if a field was rejected
     */
    @Nullable
    Trip validate(FieldErrors errors, SeatLimits seatLimits) {
        if (errors.requirePresent("quoteToken", quoteToken)) {
            String token = quoteToken;
            if (token.isBlank()) {
                errors.reject("quoteToken", "must not be blank");
            } else if (token.length() > MAX_QUOTE_TOKEN_LENGTH) {
                errors.reject(
                        "quoteToken",
                        "must be at most " + MAX_QUOTE_TOKEN_LENGTH + " characters, but was " + token.length());
            }
        }
        GeoPoint from = point("pickup", pickup, errors);
        GeoPoint to = point("dropoff", dropoff, errors);
        Product chosen = null;
        if (errors.requirePresent("product", product)) {
            chosen = Arrays.stream(Product.values())
                    .filter(p -> p.name().equals(product))
                    .findFirst()
                    .orElse(null);
            if (chosen == null) {
                errors.reject("product", "must be one of " + allProducts() + ", but was '" + product + "'");
            }
        }
        if (errors.requirePresent("seats", seats)) {
            int max = chosen == null
                    ? Math.max(seatLimits.soloMaxSeats(), seatLimits.poolMaxSeats())
                    : seatLimits.maxSeats(chosen);
            if (seats < 1 || seats > max) {
                errors.reject(
                        "seats",
                        "must be in 1.." + max + (chosen == null ? "" : " for " + chosen) + ", but was " + seats);
            }
        }
        if (!errors.isEmpty() || from == null || to == null || chosen == null || seats == null) {
            return null;
        }
        return new Trip(from, to, chosen, seats);
    }

    private static @Nullable GeoPoint point(String field, @Nullable PointBody body, FieldErrors errors) {
        if (!errors.requirePresent(field, body)) {
            return null;
        }
        boolean lat = coordinate(field + ".lat", body.lat(), 90, errors);
        boolean lon = coordinate(field + ".lon", body.lon(), 180, errors);
        return lat && lon ? new GeoPoint(body.lat(), body.lon()) : null;
    }

    private static boolean coordinate(String field, @Nullable Double value, int bound, FieldErrors errors) {
        if (!errors.requirePresent(field, value)) {
            return false;
        }
        if (!Double.isFinite(value)) {
            errors.reject(field, "must be a finite number, but was " + value);
            return false;
        }
        if (value < -bound || value > bound) {
            errors.reject(field, "must be in -" + bound + ".." + bound + ", but was " + plain(value));
            return false;
        }
        return true;
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String allProducts() {
        return Arrays.stream(Product.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
