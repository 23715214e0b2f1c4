package io.ridemesh.infra.cluster;

/**
 * The playground's port plan: every port is derived from one base port so a second playground
 * (integration tests) can run beside a developer's without clashes.
 *
 * <p>With the default base 20000, region {@code i} (a=1, b=2, ...) uses {@code 20000 + 1000*i} plus: MariaDB +306,
 * Redis +379, Kafka +92 (its KRaft controller +93), order-service +10, pricing-service +20, dispatch-service +30,
 * sync-sink +40, gateway +80 (its operator listener +81), the WAN proxy's control API +96. Region a: MariaDB 21306,
 * Redis 21379, Kafka 21092 (controller 21093), order 21010, pricing 21020, dispatch 21030, sync-sink 21040, gateway
 * 21080 (operator 21081), WAN proxy 21096.
 *
 * <p>Cross-region connections go through the WAN proxy of the region they leave ({@link #wanEgress}): region
 * {@code i}'s link to peer {@code j}'s component listens on {@code 20000 + 1000*i + 500 + 10*j + k}, k: Kafka 0,
 * order 1, pricing 2, dispatch 3, sync-sink 4, gateway 5 (region a's links to b: 21520..21525). A region's Kafka
 * has one listener per peer ({@link #kafkaPeerListener}, {@code 20000 + 1000*i + 100 + j}) that advertises the
 * peer's egress port, so the peer's consumers reach every broker through their own proxy.
 *
 * <p>None
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
            case IDENTITY_SERVICE -> base + 50;
            case DISPATCH_SERVICE -> base + 30;
            case SYNC_SINK -> base + 40;
            case GATEWAY -> base + 80;
            case KAFKA -> base + 92;
            case WAN_PROXY -> base + 96;
        };
    }

    /**
     * The port in {@code from}'s WAN proxy through which {@code from} reaches {@code to}'s {@code kind}: Kafka or a
     * service (stores are never reached across regions).
     *
     * @throws IllegalArgumentException if {@code from} equals {@code to} or {@code kind} is a store or the proxy
     */
    public int wanEgress(Region from, Region to, ComponentKind kind) {
        if (from.equals(to)) {
            throw new IllegalArgumentException("a region reaches its own " + kind.id() + " directly");
        }
        int offset =
                switch (kind) {
                    case KAFKA -> 0;
                    case ORDER_SERVICE -> 1;
                    case PRICING_SERVICE -> 2;
                    case DISPATCH_SERVICE -> 3;
                    case SYNC_SINK -> 4;
                    case GATEWAY -> 5;
                    case IDENTITY_SERVICE -> 6;
                    case MARIADB, REDIS, WAN_PROXY ->
                        throw new IllegalArgumentException(kind.id() + " is not reached across regions");
                };
        return basePort + 1000 * from.id() + 500 + 10 * to.id() + offset;
    }

    /**
     * The listener of {@code owner}'s Kafka for the consumers of {@code peer}: it advertises
     * {@code wanEgress(peer, owner, KAFKA)}, so that every connection of the peer's clients passes the peer's proxy.
     */
    public int kafkaPeerListener(Region owner, Region peer) {
        return basePort + 1000 * owner.id() + 100 + peer.id();
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
