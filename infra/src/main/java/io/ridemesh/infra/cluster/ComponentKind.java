package io.ridemesh.infra.cluster;

import java.util.Locale;

/**
 * What a playground component is. The {@link #id()} strings are a stable interface: they appear in
 * {@code ./platform status --json} as {@code kind}.
 */
public enum ComponentKind {
    MARIADB(true, null),
    REDIS(true, null),
    KAFKA(false, null),
    ORDER_SERVICE(true, "rides"),
    PRICING_SERVICE(true, "pricing"),
    DISPATCH_SERVICE(true, "dispatch"),
    SYNC_SINK(true, "sync"),
    GATEWAY(true, "routing");

    private final boolean perRegion;
    private final String schema;

    ComponentKind(boolean perRegion, String schema) {
        this.perRegion = perRegion;
        this.schema = schema;
    }

    /** The kind's name in status output and file names, e.g. {@code order-service}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True for components that run once per region; false for the shared Kafka broker. */
    public boolean perRegion() {
        return perRegion;
    }

    /** True for the Spring Boot services started from their module's executable jar. */
    public boolean isService() {
        return schema != null;
    }

    /** The service's database schema in its region's MariaDB; null for infrastructure. */
    public String schema() {
        return schema;
    }

    /** The Maven module that builds this service, e.g. {@code order-service}. */
    public String module() {
        return id();
    }
}
