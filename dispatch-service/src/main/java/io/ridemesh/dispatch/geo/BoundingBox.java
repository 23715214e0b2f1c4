package io.ridemesh.dispatch.geo;

import io.ridemesh.common.geo.GeoPoint;

/**
 * A latitude/longitude rectangle, bounds inclusive, not crossing the antimeridian. Immutable; thread-safe.
 *
 * @param minLat southern edge, degrees
 * @param maxLat northern edge, degrees, {@code > minLat}
 * @param minLon western edge, degrees
 * @param maxLon eastern edge, degrees, {@code > minLon}
 */
public record BoundingBox(double minLat, double maxLat, double minLon, double maxLon) {

    public BoundingBox {
        if (!(minLat < maxLat)) {
            throw new IllegalArgumentException("minLat must be < maxLat " + maxLat + ", but was " + minLat);
        }
        if (!(minLon < maxLon)) {
            throw new IllegalArgumentException("minLon must be < maxLon " + maxLon + ", but was " + minLon);
        }
    }

    /** Whether {@code p} lies inside or on the edge. */
    public boolean contains(GeoPoint p) {
        return p.lat() >= minLat && p.lat() <= maxLat && p.lon() >= minLon && p.lon() <= maxLon;
    }
}
