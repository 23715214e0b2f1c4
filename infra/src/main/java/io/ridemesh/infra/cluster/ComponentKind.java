package io.ridemesh.infra.cluster;

import java.util.Locale;

/**
 * What a playground component is. The {@link #id()} strings are a stable interface: they appear in
 * {@code ./platform status --json} as {@code kind}. Every kind runs once per region: no process is shared by two
 * regions (a region's loss is the loss of all of its processes, its Kafka cluster included).
 */
public enum ComponentKind {
    MARIADB(null),
    REDIS(null),
    KAFKA(null),
    /** The region's end of the wide-area network: a fault-injecting TCP proxy on every connection to a peer. */
    WAN_PROXY(null),
    ORDER_SERVICE("rides"),
    PRICING_SERVICE("pricing"),
    /** Accounts and the region's authorization server (issue 19). */
    IDENTITY_SERVICE("identity"),
    DISPATCH_SERVICE("dispatch"),
    SYNC_SINK("sync"),
    GATEWAY("routing");

    private final String schema;

    ComponentKind(String schema) {
        this.schema = schema;
    }

    /** The kind's name in status output and file names, e.g. {@code order-service}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
