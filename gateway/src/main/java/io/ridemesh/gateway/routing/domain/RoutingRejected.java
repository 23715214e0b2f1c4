package io.ridemesh.gateway.routing.domain;

import java.util.Objects;

/**
 * A request that cannot be routed. Closed set: {@link InvalidRoutingInput} (400), {@link OutsideServiceArea} (422),
 * {@link UnknownUnit} (422). Each names the offending field.
 */
public abstract sealed class RoutingRejected extends RuntimeException
        permits InvalidRoutingInput, OutsideServiceArea, UnknownUnit {

    private static final long serialVersionUID = 1L;

    private final String field;

    RoutingRejected(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The request field (JSON path, path variable or header) the routing needed. */
    public String field() {
        return field;
    }
}
