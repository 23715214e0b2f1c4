package io.ridemesh.order.ride.web;

import org.jspecify.annotations.Nullable;

/**
 * A point in a request body, WGS84 degrees. Fields are nullable so a missing one is reported by name.
 *
 * @param lat latitude, -90..90
 * @param lon longitude, -180..180
 */
public record PointBody(@Nullable Double lat, @Nullable Double lon) {}
