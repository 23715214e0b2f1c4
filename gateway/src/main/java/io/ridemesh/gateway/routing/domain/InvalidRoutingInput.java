package io.ridemesh.gateway.routing.domain;

/** The field the routing needs is missing or malformed (e.g. no {@code pickup.lat}, a non-numeric ride id). */
public final class InvalidRoutingInput extends RoutingRejected {

    private static final long serialVersionUID = 1L;

    public InvalidRoutingInput(String field, String message) {
        super(field, message);
    }
}
