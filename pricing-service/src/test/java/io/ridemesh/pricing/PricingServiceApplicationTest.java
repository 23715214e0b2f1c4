package io.ridemesh.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The whole service wired as in production, on H2 in MariaDB mode (Flyway runs the real migration) and with Redis
 * unreachable (port 1): quotes are still issued without surge and health says DEGRADED.
 */
@SpringBootTest
@ActiveProfiles("wholeservice")
@AutoConfigureMockMvc
class PricingServiceApplicationTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuesAndStoresAQuoteWithoutSurgeWhileRedisIsDownAndSaysSoInHealth() {
        MvcTestResult created = mvc.post()
                .uri("/v1/quotes")
                .header("Authorization", TestTokens.bearer(TestTokens.of("rider", "rider-1")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"pickup":{"lat":41.8819,"lon":-87.6278},"dropoff":{"lat":41.9484,"lon":-87.6553},
                         "product":"SOLO","seats":2}""")
                .exchange();

        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.surgeMultiplier").isEqualTo(1.0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quote WHERE unit_id = 2")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        MvcTestResult health = mvc.get().uri("/actuator/health").exchange();
        assertThat(health).hasStatusOk();
        assertThat(health)
                .bodyJson()
                .extractingPath("$.components.surgeSupply.status")
                .isEqualTo("DEGRADED");
        assertThat(health).bodyJson().extractingPath("$.status").isEqualTo("DEGRADED");
    }

    @Test
    void storesNothingForARejectedRequest() {
        long before = jdbc.sql("SELECT COUNT(*) FROM quote").query(Long.class).single();

        MvcTestResult result = mvc.post()
                .uri("/v1/quotes")
                .header("Authorization", TestTokens.bearer(TestTokens.of("rider", "rider-1")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"pickup":{"lat":51.5,"lon":-0.12},"dropoff":{"lat":41.9,"lon":-87.6},
                         "product":"SOLO","seats":1}""")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quote").query(Long.class).single())
                .isEqualTo(before);
    }
}
