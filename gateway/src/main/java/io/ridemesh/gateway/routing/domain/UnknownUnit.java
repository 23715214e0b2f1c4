package io.ridemesh.gateway.routing.domain;

/** A unit named by an id's unit bits or by {@code X-Unit} is not in the routing table. */
public final class UnknownUnit extends RoutingRejected {

    private static final long serialVersionUID = 1L;

    public UnknownUnit(String field, String message) {
        super(field, message);
    }
}
