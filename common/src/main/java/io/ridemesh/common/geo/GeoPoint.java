package io.ridemesh.common.geo;

/**
 * A WGS84 point. Immutable; thread-safe.
 *
 * @param lat latitude in degrees, within [-90, 90]
 * @param lon longitude in degrees, within [-180, 180]
 */
public record GeoPoint(double lat, double lon) {

    /**
     * Mean Earth radius R1 = (2a + b) / 3 of the GRS80 ellipsoid, in metres (H. Moritz, "Geodetic Reference System
     * 1980", Journal of Geodesy 74 (2000) 128-133).
     */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat must be within [-90, 90], but was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon must be within [-180, 180], but was " + lon);
        }
    }

    /**
     * Great-circle distance in metres by the haversine formula (R. W. Sinnott, "Virtues of the Haversine", Sky and
     * Telescope 68(2), 1984, p. 159) on a sphere of radius {@link #EARTH_RADIUS_METRES}; within 0.5% of the
     * ellipsoidal distance, far below the road-detour error of the models it feeds (fares, ETAs).
     */
    public double haversineMetresTo(GeoPoint other) {
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.lon - lon);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * Whether both coordinates are within {@code toleranceDegrees} of {@code other}'s; used to compare a request with
     * the point a quote was priced for after a JSON round trip.
     */
    public boolean isCloseTo(GeoPoint other, double toleranceDegrees) {
        return Math.abs(lat - other.lat) <= toleranceDegrees && Math.abs(lon - other.lon) <= toleranceDegrees;
    }
}
