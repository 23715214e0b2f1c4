package io.ridemesh.dispatch.supply;

import io.ridemesh.common.geo.CellIndex;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.DispatchProperties;
import io.ridemesh.dispatch.supply.application.DriverPlacements;
import io.ridemesh.dispatch.supply.application.GoOffline;
import io.ridemesh.dispatch.supply.application.GoOnline;
import io.ridemesh.dispatch.supply.application.HeldOffers;
import io.ridemesh.dispatch.supply.application.RecordLocations;
import io.ridemesh.dispatch.supply.application.SweepStaleDrivers;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import io.ridemesh.dispatch.supply.persistence.RedisDriverSupply;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wiring of the supply feature. */
@Configuration(proxyBeanMethods = false)
public class SupplyConfiguration {

    @Bean
    DriverSupply driverSupply(StringRedisTemplate redis) {
        return new RedisDriverSupply(redis);
    }

    @Bean
    DriverPlacements driverPlacements(UnitMap units, CellIndex cells, DispatchProperties properties) {
        return new DriverPlacements(units, cells, properties.supply().h3Resolution());
    }

    @Bean
    GoOnline goOnline(
            DriverSupply supply, DriverPlacements placements, DispatchProperties properties, InstantSource clock) {
        return new GoOnline(supply, placements, properties.supplySettings(), clock);
    }

    @Bean
    GoOffline goOffline(DriverSupply supply, HeldOffers heldOffers, DispatchProperties properties) {
        return new GoOffline(supply, heldOffers, properties.supplySettings());
    }

    @Bean
    RecordLocations recordLocations(
            DriverSupply supply, DriverPlacements placements, DispatchProperties properties, InstantSource clock) {
        return new RecordLocations(supply, placements, properties.supplySettings(), clock);
    }

    @Bean
    SweepStaleDrivers sweepStaleDrivers(
            DriverSupply supply, UnitMap units, DispatchProperties properties, InstantSource clock) {
        return new SweepStaleDrivers(supply, units, properties.supplySettings(), clock);
    }
}
