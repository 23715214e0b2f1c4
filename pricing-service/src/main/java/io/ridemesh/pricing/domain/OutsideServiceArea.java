package io.ridemesh.pricing.domain;

import io.ridemesh.common.geo.GeoPoint;

/** A pickup no unit serves, or a dropoff outside the pickup unit's service area. */
public final class OutsideServiceArea extends QuoteRequestRejected {

    private final GeoPoint point;

    public OutsideServiceArea(String field, GeoPoint point, String detail) {
        super(field, detail);
        this.point = point;
    }

    /** The point that is not served. */
    public GeoPoint point() {
        return point;
    }
}
