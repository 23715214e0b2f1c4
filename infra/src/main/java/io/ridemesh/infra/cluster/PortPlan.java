package io.ridemesh.infra.cluster;

/**
 * The playground's port plan: every port is derived from one base port so a second playground
 * (integration tests) can run beside a developer's without clashes.
 *
 * <p>With the default base 20000, region {@code i} (a=1, b=2, ...) uses {@code 20000 + 1000*i} plus: MariaDB +306,
 * Redis +379, Kafka +92 (its KRaft controller +93), order-service +10, pricing-service +20, dispatch-service +30,
 * sync-sink +40, gateway +80 (its operator listener +81). Region a: MariaDB 21306, Redis 21379, Kafka 21092
 * (controller 21093), order 21010, pricing 21020, dispatch 21030, sync-sink 21040, gateway 21080 (operator 21081).
 * None
 * of the ports already used on this machine (3306, 5432, 6379, 5672, 15672, 25672, 4369, 1883,
 * 4222, 8222) is in the plan for the bases the CLI accepts.
 *
 * <p>Bases up to 22000 keep a three-region plan below 32768, outside Linux's default ephemeral port
 * range (32768-60999): a port in that range may be held at any moment as the source port of an
 * outgoing connection, and a service that cannot bind its port exits during start.
 *
 * @param basePort the base, 10000..50000
 */
public record PortPlan(int basePort) {

    public static final int DEFAULT_BASE = 20000;

    public PortPlan {
        if (basePort < 10000 || basePort > 50000 || basePort % 1000 != 0) {
            throw new IllegalArgumentException(
                    "base port must be a multiple of 1000 in 10000..50000, but was " + basePort);
        }
    }

    public static PortPlan defaults() {
        return new PortPlan(DEFAULT_BASE);
    }

    /** The KRaft controller listener of {@code region}'s Kafka (its client listener is {@link #port}). */
    public int kafkaController(Region region) {
        return port(region, ComponentKind.KAFKA) + 1;
    }

    /** The port of a component of {@code region}. */
    public int port(Region region, ComponentKind kind) {
        int base = basePort + 1000 * region.id();
        return switch (kind) {
            case MARIADB -> base + 306;
            case REDIS -> base + 379;
            case ORDER_SERVICE -> base + 10;
            case PRICING_SERVICE -> base + 20;
            case DISPATCH_SERVICE -> base + 30;
            case SYNC_SINK -> base + 40;
            case GATEWAY -> base + 80;
            case KAFKA -> base + 92;
        };
    }

    /**
     * The gateway's operator listener ({@code gateway.ops-server.port}): the operator API on its own port and event
     * loop.
     */
    public int gatewayOps(Region region) {
        return port(region, ComponentKind.GATEWAY) + 1;
    }

    /** Two spare MariaDB ports for the native-replication comparison of the replication bench. */
    public int nativeReplicationPort(int index) {
        return basePort + 9306 + index;
    }
}
