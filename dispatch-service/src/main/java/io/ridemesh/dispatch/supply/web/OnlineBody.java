package io.ridemesh.dispatch.supply.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/drivers/me/online}. Fields are nullable here so a missing one is reported by name.
 *
 * @param seats free passenger seats, 1..8
 * @param lat latitude, degrees
 * @param lon longitude, degrees
 */
record OnlineBody(
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be >= 1")
        @Max(value = 8, message = "must be <= 8")
        @Nullable
        Integer seats,

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
