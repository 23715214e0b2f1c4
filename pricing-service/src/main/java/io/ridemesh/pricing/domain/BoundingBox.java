package io.ridemesh.pricing.domain;

import io.ridemesh.common.geo.GeoPoint;

/**
 * A latitude/longitude rectangle (not crossing the antimeridian), bounds inclusive. Immutable; thread-safe.
 *
 * @param minLat southern edge, degrees
 * @param maxLat northern edge, degrees
 * @param minLon western edge, degrees
 * @param maxLon eastern edge, degrees
 */
public record BoundingBox(double minLat, double maxLat, double minLon, double maxLon) {

    public BoundingBox {
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
        return p.lat() >= minLat && p.lat() <= maxLat && p.lon() >= minLon && p.lon() <= maxLon;
    }
}
