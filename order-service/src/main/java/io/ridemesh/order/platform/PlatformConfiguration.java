package io.ridemesh.order.platform;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.hlc.JdbcHlcStore;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.order.OrderProperties;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

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

    /**
     * The HLC persists its high-water mark through its own, unpooled connections: {@code now()} is
     * called inside request transactions that already hold pooled connections, and a persist that
     * waited for the same pool deadlocked the service under load (all connections held by
     * requests waiting for one more). A persist happens about twice a second, so a fresh connection
     * each time costs little.
     */
    @Bean
    @DependsOnDatabaseInitialization
    HybridLogicalClock hybridLogicalClock(
            InstantSource clock, DataSource dataSource, OrderProperties properties, Environment environment) {
        return HybridLogicalClock.create(
                clock,
                properties.hlc().maxOffset(),
                new JdbcHlcStore(highWaterConnections(dataSource, environment), properties.hlcNodeKey()));
    }

    /**
     * The id generator keeps its (ms, sequence) high-water mark in {@code hlc_high_water} too, under its own key
     * ({@code <hlc node key>/ids}), through unpooled connections for the reason the HLC does: a restart after the
     * wall clock stepped back cannot issue a ride id twice.
     */
    @Bean
    @DependsOnDatabaseInitialization
    GlobalIdGenerator globalIdGenerator(
            InstantSource clock, DataSource dataSource, OrderProperties properties, Environment environment) {
        return GlobalIdGenerator.create(
                properties.regionId(),
                properties.nodeId(),
                clock,
                new JdbcHlcStore(highWaterConnections(dataSource, environment), properties.hlcNodeKey() + "/ids"));
    }

    /** Unpooled connections to the service's database (the pool itself on H2, in tests). */
    private static DataSource highWaterConnections(DataSource dataSource, Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.startsWith("jdbc:h2:")) {
            return dataSource;
        }
        return new DriverManagerDataSource(
                url,
                environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""));
    }
}
