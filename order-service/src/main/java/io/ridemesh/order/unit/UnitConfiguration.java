package io.ridemesh.order.unit;

import io.ridemesh.order.unit.domain.Units;
import io.ridemesh.order.unit.persistence.JdbcUnits;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;

/** Wires the unit directory. */
@Configuration(proxyBeanMethods = false)
public class UnitConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    Units units(JdbcOperations jdbc) {
        return new JdbcUnits(jdbc);
    }
}
