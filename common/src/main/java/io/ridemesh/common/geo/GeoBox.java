package io.ridemesh.common.geo;

/**
 * A latitude/longitude rectangle in WGS84 degrees, bounds inclusive, not crossing the antimeridian (no unit does): the
 * one area type of the platform (a unit's service area). Immutable; thread-safe.
 *
 * @param minLat southern edge, degrees, within [-90, 90]
 * @param maxLat northern edge, degrees, {@code > minLat}
 * @param minLon western edge, degrees, within [-180, 180]
 * @param maxLon eastern edge, degrees, {@code > minLon}
 * @throws IllegalArgumentException if an edge is out of range or the box is empty or inverted
 */
public record GeoBox(double minLat, double maxLat, double minLon, double maxLon) {

    public GeoBox {
        new GeoPoint(minLat, minLon);
        new GeoPoint(maxLat, maxLon);
        if (!(minLat < maxLat)) {
            throw new IllegalArgumentException("minLat must be < maxLat " + maxLat + ", but was " + minLat);
        }
        if (!(minLon < maxLon)) {
            throw new IllegalArgumentException("minLon must be < maxLon " + maxLon + ", but was " + minLon);
        }
    }

    /** Whether {@code p} lies inside or on the edge. */
    public boolean contains(GeoPoint p) {
        return contains(p.lat(), p.lon());
    }

    /** Whether the point ({@code lat}, {@code lon}) in degrees lies inside or on the edge; false for NaN. */
    public boolean contains(double lat, double lon) {
        return lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon;
    }

    /** Whether the two boxes share at least one point (edges included). */
    public boolean intersects(GeoBox other) {
        return minLat <= other.maxLat && other.minLat <= maxLat && minLon <= other.maxLon && other.minLon <= maxLon;
    }
}
