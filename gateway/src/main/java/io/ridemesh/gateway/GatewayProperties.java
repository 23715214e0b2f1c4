package io.ridemesh.gateway;

import io.ridemesh.kit.security.ClientCredentials;
import io.ridemesh.kit.security.TrustedIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * All settings of the gateway, prefix {@code gateway}. Defaults live here only. Every record validates itself in its
 * compact constructor: a bad value stops the gateway at start with a message naming the property and the value.
 * {@link #toString()} masks the secrets. Immutable; thread-safe.
 *
 * @param regionId this region's id, 1..15 ({@code RIDEMESH_REGION_ID})
 * @param regionName this region's name, e.g. {@code a} ({@code RIDEMESH_REGION_NAME})
 * @param regions every region of the deployment as {@code name=id,...}, e.g. {@code a=1,b=2}
 *     ({@code RIDEMESH_REGIONS}); must contain this region
 * @param nodeId this process's id-generator node, 0..7 (drill ids); unique among the region's gateways
 * @param endpoints per region name, the base URLs of its services ({@code RIDEMESH_<R>_<SERVICE>_URL}); entries of
 *     regions not in {@link #regions} are ignored
 * @param routing the routing table and the body-reading routes
 * @param rateLimit per-user request rate limit (Redis token bucket)
 * @param downstream timeouts and circuit breakers of the calls to the services
 * @param health region health probes
 * @param failover evacuation, fail-back and RTO bookkeeping
 * @param acceptTokensFrom the authorization servers whose tokens are accepted, every region's identity-service
 *     ({@code RIDEMESH_TRUSTED_ISSUERS}: {@code <issuer> <jwk set uri>[,...]}), at least one
 * @param serviceClient this service's client at its region's authorization server ({@code RIDEMESH_SERVICE_CLIENT_*}):
 *     its tokens toward other services come by the client-credentials grant; absent: it reads no sync-sink's lag
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        int regionId,
        String regionName,
        String regions,
        @DefaultValue("0") int nodeId,
        @Nullable Map<String, Endpoints> endpoints,
        @DefaultValue Routing routing,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Downstream downstream,
        @DefaultValue Health health,
        @DefaultValue Failover failover,
        String acceptTokensFrom,
        @Nullable ClientCredentials serviceClient) {

    private static final Pattern REGION_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public GatewayProperties {
        if (regionId < 1 || regionId > 15) {
            throw new IllegalArgumentException("gateway.region-id must be in 1..15, but was " + regionId);
        }
        if (regionName == null || !REGION_NAME.matcher(regionName).matches()) {
            throw new IllegalArgumentException(
                    "gateway.region-name must match " + REGION_NAME + ", but was '" + regionName + "'");
        }
        TrustedIssuer.requireSome("gateway.accept-tokens-from", acceptTokensFrom);
        if (nodeId < 0 || nodeId > 7) {
            throw new IllegalArgumentException("gateway.node-id must be in 0..7, but was " + nodeId);
        }
        Map<String, Integer> parsed = parseRegions(regions);
        Integer self = parsed.get(regionName);
        if (self == null || self != regionId) {
            throw new IllegalArgumentException("gateway.regions must contain this region " + regionName + "=" + regionId
                    + ", but was '" + regions + "'");
        }
        Map<String, Endpoints> byRegion = new LinkedHashMap<>();
        for (String name : parsed.keySet()) {
            Endpoints e = endpoints == null ? null : endpoints.get(name);
            if (e == null || e.orderService() == null || e.pricingService() == null || e.dispatchService() == null) {
                throw new IllegalArgumentException("gateway.endpoints." + name + " must give order-service,"
                        + " pricing-service and dispatch-service URLs (RIDEMESH_" + name.toUpperCase(Locale.ROOT)
                        + "_ORDER_SERVICE_URL ...), but was " + e);
            }
            byRegion.put(name, e);
        }
        endpoints = Map.copyOf(byRegion);
    }

    /** The regions of {@link #regions}, name to id, in the order given. */
    public Map<String, Integer> regionIds() {
        return parseRegions(regions);
    }

    /** The endpoints of every configured region (never null after validation). */
    public Map<String, Endpoints> endpointsByRegion() {
        return endpoints == null ? Map.of() : endpoints;
    }

    static Map<String, Integer> parseRegions(@Nullable String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(
                    "gateway.regions must list the regions as name=id,... (RIDEMESH_REGIONS), but was unset");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        List<Integer> ids = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=");
            if (kv.length != 2 || !REGION_NAME.matcher(kv[0].trim()).matches()) {
                throw new IllegalArgumentException(
                        "gateway.regions entries must be name=id, but '" + part + "' in '" + spec + "' is not");
            }
            int id;
            try {
                id = Integer.parseInt(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "gateway.regions ids must be numbers, but '" + part + "' in '" + spec + "' is not", e);
            }
            if (id < 1 || id > 15 || ids.contains(id) || out.containsKey(kv[0].trim())) {
                throw new IllegalArgumentException("gateway.regions ids must be unique and in 1..15 and names unique,"
                        + " but '" + part + "' in '" + spec + "' is not");
            }
            ids.add(id);
            out.put(kv[0].trim(), id);
        }
        return out;
    }

    /** The trusted issuers of {@link #acceptTokensFrom}. */
    public List<TrustedIssuer> trustedIssuers() {
        return TrustedIssuer.parseList(acceptTokensFrom);
    }

    @Override
    public String toString() {
        return "GatewayProperties[regionId=" + regionId + ", regionName=" + regionName + ", regions=" + regions
                + ", nodeId=" + nodeId
                + ", endpoints=" + endpoints + ", routing=" + routing + ", rateLimit=" + rateLimit
                + ", downstream=" + downstream + ", health=" + health + ", failover=" + failover + ", acceptTokensFrom="
                + acceptTokensFrom + ", serviceClient=" + serviceClient + "]";
    }

    /**
     * Base URLs of one region's services; a base may carry a path prefix, the request path is appended to it.
     *
     * @param orderService order-service, required
     * @param pricingService pricing-service, required
     * @param dispatchService dispatch-service, required
     * @param syncSink sync-sink (health and replication lag only), optional
     * @param gateway that region's gateway (health only), optional
     */
    public record Endpoints(
            @Nullable URI orderService,
            @Nullable URI pricingService,
            @Nullable URI dispatchService,
            @Nullable URI syncSink,
            @Nullable URI gateway) {

        public Endpoints {
            orderService = absent(orderService);
            pricingService = absent(pricingService);
            dispatchService = absent(dispatchService);
            syncSink = absent(syncSink);
            gateway = absent(gateway);
            for (URI uri : new URI[] {orderService, pricingService, dispatchService, syncSink, gateway}) {
                if (uri != null && !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException(
                            "gateway.endpoints URLs must be http(s)://host:port[/path], but was '" + uri + "'");
                }
            }
        }

        private static @Nullable URI absent(@Nullable URI uri) {
            return uri == null || uri.toString().isBlank() ? null : uri;
        }
    }

    /**
     * @param reloadInterval how often the routing table is re-read from the database; a move replicated from another
     *     region takes effect within this plus the replication lag
     * @param maxBodySize largest request body read to find a routing point (pickup, location); larger is 413
     */
    public record Routing(
            @DefaultValue("250ms") Duration reloadInterval,
            @DefaultValue("64KB") DataSize maxBodySize) {

        public Routing {
            requirePositive("gateway.routing.reload-interval", reloadInterval);
            if (maxBodySize.toBytes() < 1024) {
                throw new IllegalArgumentException(
                        "gateway.routing.max-body-size must be >= 1KB, but was " + maxBodySize);
            }
        }
    }

    /**
     * Token bucket per user (JWT {@code role:sub}), shared by all routes of this region. {@code store=local} (default)
     * keeps the buckets in this gateway's memory (one gateway per region); {@code store=redis} keeps them in the
     * region's Redis for several gateway instances per region: there, if Redis is unreachable, requests are let
     * through (fail open) and the error is logged.
     *
     * @param enabled whether to limit at all
     * @param replenishRate tokens added per second
     * @param burstCapacity bucket size: requests a user may make at once
     * @param store {@code local} or {@code redis}
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20") int replenishRate,
            @DefaultValue("40") int burstCapacity,
            @DefaultValue("local") String store) {

        public RateLimit {
            if (replenishRate < 1) {
                throw new IllegalArgumentException(
                        "gateway.rate-limit.replenish-rate must be >= 1, but was " + replenishRate);
            }
            if (burstCapacity < replenishRate) {
                throw new IllegalArgumentException("gateway.rate-limit.burst-capacity must be >= replenish-rate ("
                        + replenishRate + "), but was " + burstCapacity);
            }
            if (!"local".equals(store) && !"redis".equals(store)) {
                throw new IllegalArgumentException("gateway.rate-limit.store must be local or redis, but was " + store);
            }
        }
    }

    /**
     * Calls to a service of some region. One circuit breaker per (service, region), e.g. {@code order-service@a}.
     *
     * @param requestTimeout whole-exchange deadline of a forwarded request (504 after it)
     * @param failureRateThreshold percentage of failed calls (errors, timeouts, 5xx answers) that opens a breaker
     * @param slidingWindowSize calls the failure rate is computed over
     * @param minimumCalls calls needed before the rate counts
     * @param waitInOpenState how long an open breaker rejects calls before letting probes through
     * @param permittedCallsInHalfOpenState probe calls of a half-open breaker
     * @param maxConcurrentCalls calls in flight to one (service, region) through this gateway, long polls not counted;
     *     a call over it is shed at once (503 {@code overloaded} with {@code Retry-After}) instead of queueing behind
     *     the others until every one of them times out
     * @param reserveCalls further calls in flight to one (service, region) for critical calls only ({@code
     *     UnitRouting}'s {@code CRITICAL} routes: the steps of rides under way), when the first {@code
     *     maxConcurrentCalls} are taken; 0 for none, the default: measured with 16 under {@code ./platform demo}, it
     *     acknowledged more rides (0.872 against 0.764) but matched fewer (0.825 against 0.99): going online and
     *     location fixes, shed first, left acknowledged rides without drivers (see the README, session 20)
     */
    public record Downstream(
            @DefaultValue("5s") Duration requestTimeout,
            @DefaultValue("50") int failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("5s") Duration waitInOpenState,
            @DefaultValue("3") int permittedCallsInHalfOpenState,
            @DefaultValue("32") int maxConcurrentCalls,
            @DefaultValue("0") int reserveCalls) {

        public Downstream {
            if (maxConcurrentCalls < 1) {
                throw new IllegalArgumentException(
                        "gateway.downstream.max-concurrent-calls must be >= 1, but was " + maxConcurrentCalls);
            }
            if (reserveCalls < 0) {
                throw new IllegalArgumentException(
                        "gateway.downstream.reserve-calls must be >= 0, but was " + reserveCalls);
            }
            requirePositive("gateway.downstream.request-timeout", requestTimeout);
            requirePositive("gateway.downstream.wait-in-open-state", waitInOpenState);
            if (failureRateThreshold < 1 || failureRateThreshold > 100) {
                throw new IllegalArgumentException(
                        "gateway.downstream.failure-rate-threshold must be in 1..100, but was " + failureRateThreshold);
            }
            if (slidingWindowSize < 1 || minimumCalls < 1 || permittedCallsInHalfOpenState < 1) {
                throw new IllegalArgumentException("gateway.downstream.sliding-window-size, minimum-calls and"
                        + " permitted-calls-in-half-open-state must be >= 1, but were " + slidingWindowSize + ", "
                        + minimumCalls + ", " + permittedCallsInHalfOpenState);
            }
        }
    }

    /**
     * @param probeInterval time between probe rounds
     * @param probeTimeout connect and response timeout of one probe; at most half the interval so a round (at most
     *     twice this) ends before the next is due
     * @param failuresBeforeUnhealthy consecutive failed probes after which a service counts as unhealthy
     */
    public record Health(
            @DefaultValue("1s") Duration probeInterval,
            @DefaultValue("400ms") Duration probeTimeout,
            @DefaultValue("2") int failuresBeforeUnhealthy) {

        public Health {
            requirePositive("gateway.health.probe-interval", probeInterval);
            requirePositive("gateway.health.probe-timeout", probeTimeout);
            if (failuresBeforeUnhealthy < 1) {
                throw new IllegalArgumentException(
                        "gateway.health.failures-before-unhealthy must be >= 1, but was " + failuresBeforeUnhealthy);
            }
            if (probeTimeout.multipliedBy(2).compareTo(probeInterval) > 0) {
                throw new IllegalArgumentException("gateway.health.probe-timeout must be <= half the probe-interval ("
                        + probeInterval + "), but was " + probeTimeout);
            }
        }
    }

    /**
     * @param rtoWindow how long after a drill a first served request still counts for its RTO
     * @param casAttempts attempts of a versioned CAS write before giving up with 409
     * @param drillHistory drills listed by {@code GET /ops/drills}, newest first
     * @param failbackMaxBacklog a fail-back waits (409) until the returning region's sync-sink has at most this many
     *     records of its peers' changes left to apply ({@code sync.apply.backlog}): it takes its units back caught up,
     *     not while it still serves the state it had when it was lost
     */
    public record Failover(
            @DefaultValue("1h") Duration rtoWindow,
            @DefaultValue("5") int casAttempts,
            @DefaultValue("50") int drillHistory,
            @DefaultValue("500") long failbackMaxBacklog) {

        public Failover {
            requirePositive("gateway.failover.rto-window", rtoWindow);
            if (casAttempts < 1 || drillHistory < 1) {
                throw new IllegalArgumentException("gateway.failover.cas-attempts and drill-history must be >= 1,"
                        + " but were " + casAttempts + ", " + drillHistory);
            }
            if (failbackMaxBacklog < 0) {
                throw new IllegalArgumentException(
                        "gateway.failover.failback-max-backlog must be >= 0, but was " + failbackMaxBacklog);
            }
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, but was " + value);
        }
    }
}
