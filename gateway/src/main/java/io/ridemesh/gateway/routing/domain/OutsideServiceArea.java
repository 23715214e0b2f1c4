package io.ridemesh.gateway.routing.domain;

import io.ridemesh.common.geo.GeoPoint;

/** A routing point lies in no unit's service area. */
public final class OutsideServiceArea extends RoutingRejected {

    private static final long serialVersionUID = 1L;

    public OutsideServiceArea(String field, GeoPoint point) {
        super(field, field + " (" + point.lat() + ", " + point.lon() + ") is outside every unit's service area");
    }
}
