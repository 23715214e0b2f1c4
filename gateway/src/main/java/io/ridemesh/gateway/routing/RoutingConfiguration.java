package io.ridemesh.gateway.routing;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.gateway.GatewayProperties;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.gateway.routing.application.RoutingTables;
import io.ridemesh.gateway.routing.domain.ServedUnits;
import io.ridemesh.gateway.routing.domain.UnitHomes;
import io.ridemesh.gateway.routing.domain.UnitRouter;
import io.ridemesh.gateway.routing.persistence.JdbcUnitHomes;
import io.ridemesh.gateway.routing.web.DownstreamCalls;
import io.ridemesh.gateway.routing.web.RoutingKeyExtractor;
import io.ridemesh.gateway.routing.web.UnitRoutingGatewayFilterFactory;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Unit routing: the routing table on JDBC, its in-memory snapshot, the rules, and the {@code UnitRouting} route filter
 * with one circuit breaker per (service, region) built from {@code gateway.downstream}.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    @Bean
    UnitHomes unitHomes(JdbcTemplate jdbc) {
        return new JdbcUnitHomes(jdbc);
    }

    @Bean
    RoutingTables routingTables(UnitHomes unitHomes, InstantSource clock) {
        return new RoutingTables(unitHomes, clock);
    }

    @Bean
    UnitMap unitMap() {
        return UnitMap.standard();
    }

    @Bean
    UnitRouter unitRouter(UnitMap unitMap, GatewayProperties properties) {
        return new UnitRouter(unitMap, properties.regionId());
    }

    @Bean
    RoutingKeyExtractor routingKeyExtractor(JsonMapper json, GatewayProperties properties) {
        return new RoutingKeyExtractor(
                json, (int) properties.routing().maxBodySize().toBytes());
    }

    @Bean
    DownstreamCalls downstreamCalls(GatewayProperties properties, ObjectProvider<MeterRegistry> meters) {
        GatewayProperties.Downstream d = properties.downstream();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(d.failureRateThreshold())
                .slidingWindowSize(d.slidingWindowSize())
                .minimumNumberOfCalls(d.minimumCalls())
                .waitDurationInOpenState(d.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(d.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // a rejected call is an expected outcome under load: no stack trace to fill in (see DownstreamFailure)
                .writableStackTraceEnabled(false)
                // a 5xx answer counts as a failure; it still reaches the client unchanged
                .recordResult(result -> result instanceof Integer status
                        && HttpStatusCode.valueOf(status).is5xxServerError())
                .build();
        // private registry: the breakers are named service@region and configured only from gateway.downstream
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        meters.ifAvailable(m ->
                TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(m));
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(d.maxConcurrentCalls())
                .maxWaitDuration(java.time.Duration.ZERO)
                .writableStackTraceEnabled(false)
                .build());
        meters.ifAvailable(m -> {
            TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(m);
            // shed calls: resilience4j's gauges show only the free permits
            bulkheads.getEventPublisher().onEntryAdded(added -> added.getAddedEntry()
                    .getEventPublisher()
                    .onCallRejected(rejected -> m.counter("gateway.downstream.shed", "name", rejected.getBulkheadName())
                            .increment()));
        });
        return new DownstreamCalls(registry, bulkheads, d.reserveCalls(), d.requestTimeout());
    }

    @Bean
    UnitRoutingGatewayFilterFactory unitRoutingGatewayFilterFactory(
            RoutingKeyExtractor extractor,
            UnitRouter router,
            RoutingTables tables,
            Regions regions,
            DownstreamCalls downstream,
            ServedUnits rto,
            InstantSource clock) {
        return new UnitRoutingGatewayFilterFactory(extractor, router, tables, regions, downstream, rto, clock);
    }
}
