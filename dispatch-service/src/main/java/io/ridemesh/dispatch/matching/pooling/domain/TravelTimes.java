package io.ridemesh.dispatch.matching.pooling.domain;

import io.ridemesh.common.geo.GeoPoint;

/**
 * Driving time between two points, whole seconds, {@code >= 0} (e.g. {@code EtaModel::seconds}). Implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface TravelTimes {

    long seconds(GeoPoint from, GeoPoint to);
}
