package io.ridemesh.order.unit.domain;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.unit.UnitDefinition;
import java.util.List;

/** A pickup point that no unit serves; rides cannot be requested there. Carries the point and the served units. */
public final class OutsideServiceArea extends RuntimeException {

    private final GeoPoint point;

    /**
     * @param point the pickup point
     * @param served the units that exist, to name them in the message
     */
    public OutsideServiceArea(GeoPoint point, List<UnitDefinition> served) {
        super("must be inside a served unit ("
                + String.join(", ", served.stream().map(UnitDefinition::code).toList()) + "), but was " + point.lat()
                + "," + point.lon());
        this.point = point;
    }

    /** The rejected point. */
    public GeoPoint point() {
        return point;
    }
}
