package io.ridemesh.dispatch.supply.application;

import io.ridemesh.common.geo.GeoPoint;

/** A driver tried to go online outside every unit's service area; nothing was changed. Maps to 422. */
public final class OutsideServiceArea extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public OutsideServiceArea(String field, GeoPoint point) {
        super(field + " (" + point.lat() + ", " + point.lon() + ") is in no unit's service area");
        this.field = field;
    }

    public String field() {
        return field;
    }
}
