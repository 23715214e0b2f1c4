package io.ridemesh.dispatch.supply.web;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.supply.application.InvalidDriverInput;
import io.ridemesh.dispatch.supply.domain.LocationFix;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One location fix: body of {@code POST /v1/drivers/me/location}, and an element of a batch.
 *
 * @param lat latitude, degrees
 * @param lon longitude, degrees
 * @param ts the device's measurement time, epoch milliseconds
 */
record LocationBody(
        @NotNull(message = "is required")
        @DecimalMin(value = "-90", message = "must be >= -90")
        @DecimalMax(value = "90", message = "must be <= 90")
        @Nullable
        Double lat,

        @NotNull(message = "is required")
        @DecimalMin(value = "-180", message = "must be >= -180")
        @DecimalMax(value = "180", message = "must be <= 180")
        @Nullable
        Double lon,

        @NotNull(message = "is required") @Positive(message = "must be > 0 (epoch ms)") @Nullable
        Long ts) {

    /**
     * The checks of the annotations above, by hand, for the points of a batch; the first problem found is thrown.
     *
     * @param field this point's path in the body, e.g. {@code points[3]}
     * @throws InvalidDriverInput naming {@code field.lat}, {@code field.lon} or {@code field.ts} (or {@code field}
     *     when the point is null)
     */
    void check(String field) {
        range(field + ".lat", lat, 90);
        range(field + ".lon", lon, 180);
        if (ts == null) {
            throw new InvalidDriverInput(field + ".ts", "is required");
        }
        if (ts <= 0) {
            throw new InvalidDriverInput(field + ".ts", "must be > 0 (epoch ms), but was " + ts);
        }
    }

    private static void range(String field, @Nullable Double value, int limit) {
        if (value == null) {
            throw new InvalidDriverInput(field, "is required");
        }
        if (!(value >= -limit)) {
            throw new InvalidDriverInput(field, "must be >= -" + limit + ", but was " + value);
        }
        if (value > limit) {
            throw new InvalidDriverInput(field, "must be <= " + limit + ", but was " + value);
        }
    }

    /** Only after validation. */
    LocationFix toFix() {
        return new LocationFix(
                new GeoPoint(Objects.requireNonNull(lat), Objects.requireNonNull(lon)),
                Instant.ofEpochMilli(Objects.requireNonNull(ts)));
    }
}
