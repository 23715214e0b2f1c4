package io.ridemesh.order.unit.domain;

/**
 * A point on the earth, WGS84 degrees. Immutable; thread-safe.
 *
 * @param lat latitude, -90..90 degrees
 * @param lon longitude, -180..180 degrees
 * @throws IllegalArgumentException if a coordinate is out of range or not a finite number
 */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be in -90..90, but was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be in -180..180, but was " + lon);
        }
    }

    /**
     * Whether both coordinates are within {@code toleranceDegrees} of {@code other}'s; used to compare a request with
     * the point a quote was priced for after a JSON round trip.
     */
    public boolean isCloseTo(GeoPoint other, double toleranceDegrees) {
        return Math.abs(lat - other.lat) <= toleranceDegrees && Math.abs(lon - other.lon) <= toleranceDegrees;
    }

    @Override
    public String toString() {
        return lat + "," + lon;
    }
}
