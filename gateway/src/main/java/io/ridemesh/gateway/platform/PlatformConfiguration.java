package io.ridemesh.gateway.platform;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.gateway.GatewayProperties;
import io.ridemesh.gateway.region.Region;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.gateway.region.ServiceKind;
import io.ridemesh.kit.platform.ServiceClocks;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The replicated-row machinery (ARCHITECTURE.md sections 3 and 4) and the region directory: the wall clock, the
 * hybrid logical clock that stamps every write of {@code unit_home} and {@code drill} (high-water mark in the regional
 * {@code hlc_high_water} table, node key {@code gateway/node-<node-id>}), drill ids, and the configured regions.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /** Largest tolerated clock offset of another region (the HLC rejects remote timestamps further ahead). */
    static final Duration MAX_CLOCK_OFFSET = Duration.ofMillis(500);

    /** The wall clock; tests may add a movable {@code @Primary} one. */
    @Bean
    InstantSource instantSource() {
        return InstantSource.system();
    }

    /** The HLC: high-water mark under {@code gateway/node-<node-id>}, through unpooled connections (see the kit). */
    @Bean
    @DependsOnDatabaseInitialization
    HybridLogicalClock hybridLogicalClock(
            InstantSource clock, DataSource dataSource, GatewayProperties properties, Environment environment) {
        return ServiceClocks.hybridLogicalClock(
                clock,
                MAX_CLOCK_OFFSET,
                ServiceClocks.highWaterConnections(dataSource, environment),
                nodeKey(properties));
    }

    /** Drill ids; their (ms, sequence) high-water mark sits beside the HLC's ({@code <node key>/ids}). */
    @Bean
    @DependsOnDatabaseInitialization
    GlobalIdGenerator globalIdGenerator(
            InstantSource clock, DataSource dataSource, GatewayProperties properties, Environment environment) {
        return ServiceClocks.globalIdGenerator(
                properties.regionId(),
                properties.nodeId(),
                clock,
                ServiceClocks.highWaterConnections(dataSource, environment),
                nodeKey(properties));
    }

    private static String nodeKey(GatewayProperties properties) {
        return "gateway/node-" + properties.nodeId();
    }

    @Bean
    Regions regions(GatewayProperties properties) {
        List<Region> all = new ArrayList<>();
        Map<Integer, Map<ServiceKind, URI>> endpoints = new LinkedHashMap<>();
        properties.regionIds().forEach((name, id) -> {
            Region region = new Region(id, name);
            all.add(region);
            GatewayProperties.Endpoints e = properties.endpointsByRegion().get(name);
            Map<ServiceKind, URI> byKind = new EnumMap<>(ServiceKind.class);
            if (e != null) {
                put(byKind, ServiceKind.ORDER_SERVICE, e.orderService());
                put(byKind, ServiceKind.PRICING_SERVICE, e.pricingService());
                put(byKind, ServiceKind.DISPATCH_SERVICE, e.dispatchService());
                put(byKind, ServiceKind.SYNC_SINK, e.syncSink());
                put(byKind, ServiceKind.GATEWAY, e.gateway());
            }
            endpoints.put(id, byKind);
        });
        Region self = new Region(properties.regionId(), properties.regionName());
        return new Regions(all, self, endpoints);
    }

    private static void put(Map<ServiceKind, URI> map, ServiceKind kind, @org.jspecify.annotations.Nullable URI uri) {
        if (uri != null) {
            map.put(kind, uri);
        }
    }
}
