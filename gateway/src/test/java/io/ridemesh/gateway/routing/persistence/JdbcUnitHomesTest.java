package io.ridemesh.gateway.routing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.gateway.routing.domain.UnitHome;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The routing table's migration and versioned CAS on H2 in MariaDB mode. */
class JdbcUnitHomesTest {

    private JdbcTemplate jdbc;
    private JdbcUnitHomes homes;

    @BeforeEach
    void migrate() {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa",
                "");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/routing")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(ds);
        homes = new JdbcUnitHomes(jdbc);
    }

    @Test
    void seedsEveryUnitInItsHomeRegionWithOriginZero() {
        assertThat(homes.all())
                .containsExactly(
                        new UnitHome(1, "nyc", 1, null, 1, 0, 0), new UnitHome(2, "chicago", 2, null, 1, 0, 0));
    }

    @Test
    void seedsExactlyTheUnitMapsUnitsInTheirHomeRegions() {
        // the migration is data; the unit map is the one definition: they must name the same units and homes
        assertThat(homes.all())
                .extracting(UnitHome::unitId, UnitHome::code, UnitHome::homeRegion)
                .containsExactlyElementsOf(UnitMap.standard().all().stream()
                        .map(u -> tuple(u.id(), u.code(), u.homeRegion()))
                        .toList());
    }

    @Test
    void moveIsAVersionedCasStampedWithTheHlcAndThisRegion() {
        assertThat(homes.move(1, 1, 2, 1_000, 500, 2)).isTrue();
        assertThat(homes.find(1)).contains(new UnitHome(1, "nyc", 2, 1_000L, 2, 500, 2));
    }

    @Test
    void moveLosesToAConcurrentWrite() {
        assertThat(homes.move(1, 1, 2, 1_000, 500, 2)).isTrue();
        assertThat(homes.move(1, 1, 3, 1_001, 600, 1)).as("stale version").isFalse();
        assertThat(homes.find(1).orElseThrow().homeRegion()).isEqualTo(2);
    }

    @Test
    void moveOrdersAfterWhatTheRegionHoldsEvenWhenTheLocalClockIsBehind() {
        jdbc.update("UPDATE unit_home SET hlc = 9000, origin_region = 3 WHERE unit_id = 2");
        assertThat(homes.move(2, 1, 1, 1_000, 100, 1)).isTrue();
        assertThat(homes.find(2).orElseThrow().hlc()).isEqualTo(9001);
    }

    @Test
    void deletedRowsAreNotRouted() {
        jdbc.update("UPDATE unit_home SET deleted = 1 WHERE unit_id = 2");
        assertThat(homes.all()).extracting(UnitHome::code).containsExactly("nyc");
        assertThat(homes.find(2)).isEmpty();
    }
}
