package io.ridemesh.gateway.routing.web;

import io.ridemesh.gateway.region.Region;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.gateway.region.ServiceKind;
import io.ridemesh.gateway.routing.application.RoutingTables;
import io.ridemesh.gateway.routing.domain.RouteDecision;
import io.ridemesh.gateway.routing.domain.RoutingTable;
import io.ridemesh.gateway.routing.domain.ServedUnits;
import io.ridemesh.gateway.routing.domain.UnitRouter;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The {@code UnitRouting} route filter: {@code UnitRouting=<service>, <key source>[, <priority>]}, e.g.
 * {@code UnitRouting=order-service, PICKUP, CRITICAL} ({@link CallPriority}, {@code SHEDDABLE} when absent). It reads the request's routing key ({@link KeySource}), asks the
 * {@link UnitRouter} for the serving region with the current routing table snapshot, points the request at that
 * region's service (base URL + the original path and query; the {@code Authorization} header and body go on unchanged)
 * and forwards it through {@link DownstreamCalls}. Responses carry {@value #REGION_HEADER} naming the serving region.
 * A non-5xx answer for a unit is reported to {@link ServedUnits} (the RTO tracker: first serve after a failover drill).
 *
 * <p>It runs right after Spring Cloud Gateway's {@link RouteToRequestUrlFilter} (the route's placeholder URI is
 * replaced). Thread-safe; non-blocking.
 */
public final class UnitRoutingGatewayFilterFactory
        extends AbstractGatewayFilterFactory<UnitRoutingGatewayFilterFactory.Config> {

    /** Response header: the name of the region that served the request. */
    public static final String REGION_HEADER = "X-Ridemesh-Region";

    static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

    private final RoutingKeyExtractor extractor;
    private final UnitRouter router;
    private final RoutingTables tables;
    private final Regions regions;
    private final DownstreamCalls downstream;
    private final ServedUnits rto;
    private final InstantSource clock;

    public UnitRoutingGatewayFilterFactory(
            RoutingKeyExtractor extractor,
            UnitRouter router,
            RoutingTables tables,
            Regions regions,
            DownstreamCalls downstream,
            ServedUnits rto,
            InstantSource clock) {
        super(Config.class);
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.router = Objects.requireNonNull(router, "router");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.rto = Objects.requireNonNull(rto, "rto");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "UnitRouting";
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("service", "key", "priority");
    }

    @Override
    public GatewayFilter apply(Config config) {
        ServiceKind service = ServiceKind.byId(config.getService())
                .filter(ServiceKind::routed)
                .orElseThrow(() -> new IllegalArgumentException("UnitRouting service must be order-service,"
                        + " pricing-service or dispatch-service, but was '" + config.getService() + "'"));
        KeySource source = KeySource.valueOf(config.getKey().trim().toUpperCase(Locale.ROOT));
        CallPriority priority = CallPriority.valueOf(config.getPriority().trim().toUpperCase(Locale.ROOT));
        return new OrderedGatewayFilter((exchange, chain) -> route(exchange, chain, service, source, priority), ORDER);
    }

    private Mono<Void> route(
            ServerWebExchange exchange,
            GatewayFilterChain chain,
            ServiceKind service,
            KeySource source,
            CallPriority priority) {
        return extractor.extract(exchange, source).flatMap(extraction -> {
            RoutingTable table = tables.current();
            if (!table.loaded()) {
                return Mono.error(new DownstreamFailure.Unavailable(
                        service.id(),
                        regions.self().name(),
                        "the routing table has not been loaded yet",
                        new IllegalStateException("routing table not loaded")));
            }
            RouteDecision decision = router.route(extraction.key(), table);
            Region region = regions.byId(decision.regionId()).orElse(null);
            URI base = region == null ? null : regions.endpoint(region, service).orElse(null);
            if (region == null || base == null) {
                String name = regions.nameOf(decision.regionId());
                return Mono.error(new DownstreamFailure.Unavailable(
                        service.id(),
                        name,
                        "unit " + decision.unitId() + " is homed in region " + name + ", which this gateway has no "
                                + service.id() + " URL for",
                        new IllegalStateException("no endpoint")));
            }
            ServerWebExchange routed = extraction.exchange();
            routed.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, target(base, routed));
            routed.getResponse().getHeaders().set(REGION_HEADER, region.name());
            @Nullable Integer unit = decision.unitId();
            return downstream
                    .call(service, region, routed, chain, priority)
                    .doOnNext(status -> {
                        if (unit != null && status < 500) {
                            rto.served(unit, region.id(), clock.millis());
                        }
                    })
                    .then();
        });
    }

    /** The service base (which may carry a path prefix) + the request's raw path and query. */
    static URI target(URI base, ServerWebExchange exchange) {
        URI original = exchange.getRequest().getURI();
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        return UriComponentsBuilder.fromUri(base)
                .replacePath(basePath + original.getRawPath())
                .replaceQuery(original.getRawQuery())
                .build(true)
                .toUri();
    }

    /**
     * Route arguments: {@code service} (order-service, pricing-service, dispatch-service), {@code key} and {@code
     * priority}.
     */
    public static final class Config {
        private String service = "";
        private String key = "";
        private String priority = CallPriority.SHEDDABLE.name();

        public String getPriority() {
            return priority;
        }

        public void setPriority(String priority) {
            this.priority = priority;
        }

        public String getService() {
            return service;
        }

        public void setService(String service) {
            this.service = service;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }
    }
}
