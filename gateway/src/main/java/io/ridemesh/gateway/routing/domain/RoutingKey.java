package io.ridemesh.gateway.routing.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a request is routed by. Closed set. */
public sealed interface RoutingKey {

    /**
     * A point in the request body: the unit whose area holds it.
     *
     * @param field the JSON path of the point, e.g. {@code pickup} (named in errors)
     */
    record Point(String field, GeoPoint point) implements RoutingKey {
        public Point {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(point, "point");
        }
    }

    /**
     * A global id (ride, offer) whose unit bits name the unit: no lookup.
     *
     * @param field what the id is, e.g. {@code rideId} (named in errors)
     * @param id a non-negative global id
     */
    record EntityId(String field, long id) implements RoutingKey {
        public EntityId {
            Objects.requireNonNull(field, "field");
            if (id < 0) {
                throw new IllegalArgumentException(field + " must be >= 0, but was " + id);
            }
        }
    }

    /**
     * A unit named by the client (the {@code X-Unit} header): a unit id or code.
     *
     * @param field where the reference came from, e.g. {@code X-Unit}
     * @param reference the raw value, null when absent
     */
    record UnitReference(String field, @Nullable String reference) implements RoutingKey {
        public UnitReference {
            Objects.requireNonNull(field, "field");
        }
    }

    /** No unit: the local region serves it (e.g. a rider's own ride list). */
    record Local() implements RoutingKey {}
}
