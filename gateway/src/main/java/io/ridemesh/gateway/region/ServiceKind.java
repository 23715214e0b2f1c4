package io.ridemesh.gateway.region;

import java.util.Arrays;
import java.util.Optional;

/** The services of a region the gateway talks to. */
public enum ServiceKind {
    ORDER_SERVICE("order-service", true),
    PRICING_SERVICE("pricing-service", true),
    DISPATCH_SERVICE("dispatch-service", true),
    SYNC_SINK("sync-sink", false),
    GATEWAY("gateway", false);

    private final String id;
    private final boolean routed;

    ServiceKind(String id, boolean routed) {
        this.id = id;
        this.routed = routed;
    }

    /** The service's name in configuration, breakers and problem bodies, e.g. {@code order-service}. */
    public String id() {
        return id;
    }

    /** Whether client requests are routed to it; a region that lacks one of these cannot take units. */
    public boolean routed() {
        return routed;
    }

    /** The kind named {@code id} ({@code order-service} ...), if any. */
    public static Optional<ServiceKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
