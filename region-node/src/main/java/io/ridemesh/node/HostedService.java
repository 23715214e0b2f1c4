package io.ridemesh.node;

import io.ridemesh.dispatch.DispatchServiceApplication;
import io.ridemesh.gateway.GatewayApplication;
import io.ridemesh.identity.IdentityServiceApplication;
import io.ridemesh.order.OrderServiceApplication;
import io.ridemesh.pricing.PricingServiceApplication;
import io.ridemesh.sync.SyncSinkApplication;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;

/**
 * A service a region node can host: its module id (the same string as the playground's component kind and the
 * Maven artifact), its Spring Boot application class and its web stack. The web stack is stated, not deduced: the
 * node's classpath holds both Spring MVC and WebFlux, which Spring Boot would resolve to a servlet application for
 * every context.
 */
enum HostedService {
    SYNC_SINK("sync-sink", SyncSinkApplication.class, WebApplicationType.SERVLET),
    // stops after every service that may call it, before sync-sink (which then still publishes its rows)
    IDENTITY_SERVICE("identity-service", IdentityServiceApplication.class, WebApplicationType.SERVLET),
    PRICING_SERVICE("pricing-service", PricingServiceApplication.class, WebApplicationType.SERVLET),
    ORDER_SERVICE("order-service", OrderServiceApplication.class, WebApplicationType.SERVLET),
    DISPATCH_SERVICE("dispatch-service", DispatchServiceApplication.class, WebApplicationType.SERVLET),
    GATEWAY("gateway", GatewayApplication.class, WebApplicationType.REACTIVE);

    private final String id;
    private final Class<?> application;
    private final WebApplicationType webType;

    HostedService(String id, Class<?> application, WebApplicationType webType) {
        this.id = id;
        this.application = application;
        this.webType = webType;
    }

    /** The module id, e.g. {@code order-service}. */
    String id() {
        return id;
    }

    /** The service's {@code @SpringBootApplication} class: the primary source of its context. */
    Class<?> application() {
        return application;
    }

    WebApplicationType webType() {
        return webType;
    }

    /**
     * The service with module id {@code id}.
     *
     * @throws IllegalArgumentException naming the known ids when there is none
     */
    static HostedService of(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id.equals(id.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(HostedService::id).collect(Collectors.joining(", "))));
    }
}
