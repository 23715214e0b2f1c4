package io.ridemesh.order.unit;

import io.ridemesh.common.unit.UnitMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the unit map: the platform's one definition of units ({@link UnitMap#standard()}). */
@Configuration(proxyBeanMethods = false)
public class UnitConfiguration {

    @Bean
    UnitMap unitMap() {
        return UnitMap.standard();
    }
}
