package io.ridemesh.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.ridemesh.common.geo.CellIndex;
import io.ridemesh.common.geo.H3CellIndex;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.matching.application.FollowUnitHomes;
import io.ridemesh.dispatch.matching.application.MatchWindow;
import io.ridemesh.dispatch.offer.application.ExpireOffers;
import io.ridemesh.dispatch.supply.application.SweepStaleDrivers;
import io.ridemesh.kit.security.ServiceTokens;
import java.time.InstantSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring shared by every feature: the clock, offer ids, the service credentials, the units, the H3 index and the periodic
 * loops.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
public class PlatformConfiguration {

    @Bean
    InstantSource clock() {
        return InstantSource.system();
    }

    @Bean
    GlobalIdGenerator ids(DispatchProperties properties, InstantSource clock) {
        return GlobalIdGenerator.create(properties.regionId(), properties.nodeId(), clock);
    }

    /**
     * The credentials dispatch presents to order-service and to the gateway (role {@code service}): client credentials
     * at the region's authorization server when {@code dispatch.service-client} is set.
     */
    @Bean
    ServiceTokens serviceTokens(DispatchProperties properties, InstantSource clock) {
        return ServiceTokens.forService("dispatch-service", properties.serviceClient(), clock);
    }

    @Bean
    UnitMap unitMap() {
        return UnitMap.standard();
    }

    @Bean
    CellIndex cellIndex() {
        return H3CellIndex.load();
    }

    @Bean
    DispatchLoops dispatchLoops(
            UnitMap units,
            MatchWindow matchWindow,
            FollowUnitHomes followUnitHomes,
            ExpireOffers expireOffers,
            SweepStaleDrivers sweepStaleDrivers,
            DispatchProperties properties,
            MeterRegistry meters) {
        return new DispatchLoops(
                units, matchWindow, followUnitHomes, expireOffers, sweepStaleDrivers, properties, meters);
    }
}
