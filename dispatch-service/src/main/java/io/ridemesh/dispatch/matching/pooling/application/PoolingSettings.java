package io.ridemesh.dispatch.matching.pooling.application;

/**
 * Settings of the pooling use cases (bound from {@code dispatch.pooling.*} and {@code dispatch.matching.*}).
 * Immutable; thread-safe.
 *
 * @param enabled whether POOL rides are inserted into active shared trips and accepted POOL rides start one (off: POOL
 *     rides are matched like SOLO rides with their seat count)
 * @param searchRadiusMetres GEOSEARCH radius around a POOL pickup for vehicles of active shared trips, metres
 * @param vehiclesPerRide nearest shared-trip vehicles considered per POOL ride
 */
public record PoolingSettings(boolean enabled, int searchRadiusMetres, int vehiclesPerRide) {

    public PoolingSettings {
        if (searchRadiusMetres < 1) {
            throw new IllegalArgumentException("searchRadiusMetres must be > 0, but was " + searchRadiusMetres);
        }
        if (vehiclesPerRide < 1) {
            throw new IllegalArgumentException("vehiclesPerRide must be > 0, but was " + vehiclesPerRide);
        }
    }
}
