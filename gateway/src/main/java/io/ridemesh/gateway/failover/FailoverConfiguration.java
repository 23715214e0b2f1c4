package io.ridemesh.gateway.failover;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.gateway.GatewayProperties;
import io.ridemesh.gateway.failover.application.Failover;
import io.ridemesh.gateway.failover.application.RtoTracker;
import io.ridemesh.gateway.failover.domain.Drills;
import io.ridemesh.gateway.failover.persistence.JdbcDrills;
import io.ridemesh.gateway.region.RegionStatuses;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.gateway.routing.application.RoutingTables;
import io.ridemesh.gateway.routing.domain.UnitHomes;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.scheduler.Schedulers;

/** Failover use cases and RTO bookkeeping on the replicated {@code drill} table. */
@Configuration(proxyBeanMethods = false)
public class FailoverConfiguration {

    @Bean
    Drills drills(JdbcTemplate jdbc) {
        return new JdbcDrills(jdbc);
    }

    @Bean
    RtoTracker rtoTracker(Drills drills, HybridLogicalClock hlc, InstantSource clock, GatewayProperties properties) {
        return new RtoTracker(
                drills,
                hlc,
                clock,
                task -> Schedulers.boundedElastic().schedule(task),
                properties.regionId(),
                properties.failover().rtoWindow(),
                properties.failover().casAttempts());
    }

    @Bean
    Failover failover(
            UnitHomes homes,
            Drills drills,
            RegionStatuses statuses,
            Regions regions,
            RoutingTables tables,
            RtoTracker rto,
            HybridLogicalClock hlc,
            InstantSource clock,
            GlobalIdGenerator ids,
            GatewayProperties properties) {
        return new Failover(
                homes,
                drills,
                statuses,
                regions,
                tables,
                rto,
                hlc,
                clock,
                ids::nextId,
                properties.failover().casAttempts(),
                properties.failover().failbackMaxBacklog());
    }
}
