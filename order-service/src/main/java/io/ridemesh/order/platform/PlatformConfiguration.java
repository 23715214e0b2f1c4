package io.ridemesh.order.platform;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.kit.platform.ServiceClocks;
import io.ridemesh.order.OrderProperties;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The replicated-row machinery of ARCHITECTURE.md sections 3 and 4: the wall clock, the hybrid logical clock that
 * stamps every write (its high-water mark persisted in {@code hlc_high_water}, node key from {@code order.hlc}), and
 * the global id generator (region from {@code order.region-id}, node from {@code order.node-id}).
 */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /** The wall clock; tests add a movable {@code @Primary} one. */
    @Bean
    InstantSource instantSource() {
        return InstantSource.system();
    }

    /** The HLC: high-water mark under {@code order.hlc}'s node key, through unpooled connections (see the kit). */
    @Bean
    @DependsOnDatabaseInitialization
    HybridLogicalClock hybridLogicalClock(
            InstantSource clock, DataSource dataSource, OrderProperties properties, Environment environment) {
        return ServiceClocks.hybridLogicalClock(
                clock,
                properties.hlc().maxOffset(),
                ServiceClocks.highWaterConnections(dataSource, environment),
                properties.hlcNodeKey());
    }

    /** Ride ids; their (ms, sequence) high-water mark sits beside the HLC's ({@code <node key>/ids}). */
    @Bean
    @DependsOnDatabaseInitialization
    GlobalIdGenerator globalIdGenerator(
            InstantSource clock, DataSource dataSource, OrderProperties properties, Environment environment) {
        return ServiceClocks.globalIdGenerator(
                properties.regionId(),
                properties.nodeId(),
                clock,
                ServiceClocks.highWaterConnections(dataSource, environment),
                properties.hlcNodeKey());
    }
}
