package io.ridemesh.pricing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.pricing.domain.FareBreakdown;
import io.ridemesh.pricing.domain.Product;
import io.ridemesh.pricing.domain.Quote;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs the real migration on H2 in MariaDB mode, then writes and reads a quote. */
class JdbcQuotesTest {

    JdbcQuotes quotes;

    @BeforeEach
    void migrate() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/pricing")
                .load()
                .migrate();
        quotes = new JdbcQuotes(JdbcClient.create(ds));
    }

    @Test
    void storesAndReadsBackAQuoteExactly() {
        Quote q = new Quote(
                "q_0123456789abcdef",
                1,
                Product.POOL,
                2,
                new GeoPoint(40.7527, -73.9772),
                new GeoPoint(40.7061, -74.0087),
                "882a100d25fffff",
                new FareBreakdown(1850, 2590, 50, 0, 2640),
                "USD",
                1000,
                7350,
                1410,
                Instant.parse("2026-03-02T18:00:00.123Z"),
                Instant.parse("2026-03-02T18:02:00.123Z"),
                "rider-42");

        quotes.add(q);

        assertThat(quotes.byId("q_0123456789abcdef")).contains(q);
        assertThat(quotes.byId("q_other")).isEmpty();
    }
}
