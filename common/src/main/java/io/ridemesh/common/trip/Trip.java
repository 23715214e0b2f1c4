package io.ridemesh.common.trip;

import java.time.Instant;
import java.util.Objects;

/**
 * One completed taxi trip as recorded by a city's meter, normalised to this project's units.
 *
 * <p>Immutable and therefore thread-safe. Construction fails with {@link IllegalArgumentException} naming the field,
 * what was expected and what came.
 *
 * @param sourceId identifies the row in its source, e.g. {@code nyc-debs2015:42} (file format and 1-based line) or the
 *     canonical {@code trip_id}
 * @param city lower-case city code: {@code nyc}, {@code chicago}, or whatever a canonical file says
 * @param pickupTime real UTC instant the meter started (see {@link TripReader} for how local times are converted)
 * @param pickupLat pickup latitude, WGS84 degrees
 * @param pickupLon pickup longitude, WGS84 degrees
 * @param dropoffLat dropoff latitude, WGS84 degrees
 * @param dropoffLon dropoff longitude, WGS84 degrees
 * @param durationSeconds trip duration in seconds, {@code > 0}
 * @param distanceMetres metered distance in metres, {@code > 0}
 * @param fareCents metered fare in cents, excluding tips, tolls, surcharges and taxes; {@code >= 0}
 * @param totalCents total the rider paid in cents, or {@code -1} when the source does not say
 * @param driverKey taxi or driver key (NYC medallion, Chicago taxi id) when the source has one, else {@code ""}
 */
public record Trip(
        String sourceId,
        String city,
        Instant pickupTime,
        double pickupLat,
        double pickupLon,
        double dropoffLat,
        double dropoffLon,
        long durationSeconds,
        long distanceMetres,
        long fareCents,
        long totalCents,
        String driverKey) {

    /** The value {@link #totalCents()} has when the source does not record a total. */
    public static final long UNKNOWN_TOTAL = -1;

    public Trip {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(pickupTime, "pickupTime");
        Objects.requireNonNull(driverKey, "driverKey");
        if (sourceId.isBlank()) {
            throw new IllegalArgumentException("sourceId must not be blank");
        }
        if (city.isBlank() || !city.equals(city.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("city must be a non-blank lower-case code, but was '" + city + "'");
        }
        requireLatitude("pickupLat", pickupLat);
        requireLongitude("pickupLon", pickupLon);
        requireLatitude("dropoffLat", dropoffLat);
        requireLongitude("dropoffLon", dropoffLon);
        if (durationSeconds <= 0) {
            throw new IllegalArgumentException("durationSeconds must be > 0, but was " + durationSeconds);
        }
        if (distanceMetres <= 0) {
            throw new IllegalArgumentException("distanceMetres must be > 0, but was " + distanceMetres);
        }
        if (fareCents < 0) {
            throw new IllegalArgumentException("fareCents must be >= 0, but was " + fareCents);
        }
        if (totalCents < UNKNOWN_TOTAL) {
            throw new IllegalArgumentException("totalCents must be >= 0 or -1 (unknown), but was " + totalCents);
        }
    }

    static void requireLatitude(String field, double value) {
        if (!(value >= -90.0 && value <= 90.0)) {
            throw new IllegalArgumentException(field + " must be within [-90, 90], but was " + value);
        }
    }

    static void requireLongitude(String field, double value) {
        if (!(value >= -180.0 && value <= 180.0)) {
            throw new IllegalArgumentException(field + " must be within [-180, 180], but was " + value);
        }
    }
}
