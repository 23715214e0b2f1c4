package io.ridemesh.pricing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * JSON body of {@code POST /v1/quotes}. Every field is nullable here so a missing one is reported by name (Bean
 * Validation) rather than as an unreadable body.
 *
 * @param pickup pickup point
 * @param dropoff dropoff point
 * @param product {@code SOLO} or {@code POOL}
 * @param seats seats booked, {@code >= 1} (the product's maximum is checked by the use case)
 */
record QuoteRequestBody(
        @NotNull(message = "is required") @Valid @Nullable Point pickup,
        @NotNull(message = "is required") @Valid @Nullable Point dropoff,
        @NotNull(message = "is required") @Nullable String product,

        @NotNull(message = "is required") @Min(value = 1, message = "must be >= 1") @Nullable
        Integer seats) {

    /**
     * A WGS84 point in degrees.
     *
     * @param lat latitude, within [-90, 90]
     * @param lon longitude, within [-180, 180]
     */
    record Point(
            @NotNull(message = "is required")
            @DecimalMin(value = "-90", message = "must be >= -90")
            @DecimalMax(value = "90", message = "must be <= 90")
            @Nullable
            Double lat,

            @NotNull(message = "is required")
            @DecimalMin(value = "-180", message = "must be >= -180")
            @DecimalMax(value = "180", message = "must be <= 180")
            @Nullable
            Double lon) {}
}
