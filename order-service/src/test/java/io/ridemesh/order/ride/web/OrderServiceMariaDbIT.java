package io.ridemesh.order.ride.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.order.support.LocalMariaDb;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The races of {@link ConcurrencyTest} with the whole service on a real MariaDB (Flyway migrations, InnoDB locking,
 * the MariaDB driver's error translation): two drivers assigned to one ride, 50 concurrent retries of one create.
 */
class OrderServiceMariaDbIT extends ConcurrencyTest {

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        LocalMariaDb db = LocalMariaDb.get();
        String database = "rides_service_it";
        db.migratedDatabase(database);
        registry.add("spring.datasource.url", () -> db.jdbcUrl(database));
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }

    @Test
    void runsOnMariaDb() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("mariadb");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '6' AND success = 1",
                        Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                                + " AND table_name = 'units'",
                        Integer.class))
                .as("V6 dropped the old copy of the units: they live in common's unit map")
                .isZero();
    }
}
