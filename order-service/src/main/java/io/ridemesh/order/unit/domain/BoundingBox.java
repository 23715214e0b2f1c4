package io.ridemesh.order.unit.domain;

/**
 * A latitude/longitude rectangle, bounds inclusive; a unit's service area. Does not cross the antimeridian (no unit
 * does). Immutable; thread-safe.
 *
 * @param minLat southern edge, degrees
 * @param maxLat northern edge, degrees, {@code >= minLat}
 * @param minLon western edge, degrees
 * @param maxLon eastern edge, degrees, {@code >= minLon}
 * @throws IllegalArgumentException if an edge is out of range or the box is inverted
 */
public record BoundingBox(double minLat, double maxLat, double minLon, double maxLon) {

    public BoundingBox {
        new GeoPoint(minLat, minLon);
        new GeoPoint(maxLat, maxLon);
        if (minLat > maxLat) {
            throw new IllegalArgumentException("minLat must be <= maxLat " + maxLat + ", but was " + minLat);
        }
        if (minLon > maxLon) {
            throw new IllegalArgumentException("minLon must be <= maxLon " + maxLon + ", but was " + minLon);
        }
    }

    /** Whether {@code point} lies inside or on the edge. */
    public boolean contains(GeoPoint point) {
        return point.lat() >= minLat && point.lat() <= maxLat && point.lon() >= minLon && point.lon() <= maxLon;
    }
}
