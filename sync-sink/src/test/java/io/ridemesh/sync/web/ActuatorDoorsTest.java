package io.ridemesh.sync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.testsupport.TestTokens;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * sync-sink's HTTP doors with its real security configuration and actuator (capture and apply left out): health is
 * open, metrics and the Prometheus scrape need an operator's valid platform token, every refusal is a problem body.
 */
@SpringBootTest(
        classes = ActuatorDoorsTest.Doors.class,
        properties = {
            "spring.autoconfigure.exclude="
                    + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                    + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "management.endpoints.web.exposure.include=health,info,metrics,prometheus"
        })
@AutoConfigureMockMvc
class ActuatorDoorsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({SecurityConfiguration.class, ProblemHandler.class})
    static class Doors {}

    @Autowired
    MockMvcTester mvc;

    @Test
    void healthIsOpenEvenWithAStaleToken() {
        String stale = TestTokens.bearer(TestTokens.of("operator", "ops-1", Duration.ofMinutes(-5)));

        assertThat(get("/actuator/health", null)).hasStatusOk();
        assertThat(get("/actuator/health", stale)).hasStatusOk();
    }

    @Test
    void metricsAndTheScrapeNeedAnOperatorsValidToken() {
        String operator = TestTokens.bearer(TestTokens.of("operator", "ops-1"));
        String rider = TestTokens.bearer(TestTokens.of("rider", "rider-1"));
        String otherKey = TestTokens.bearer(TestTokens.withUntrustedKey("operator", "ops-1"));
        String expired = TestTokens.bearer(TestTokens.of("operator", "ops-1", Duration.ofMinutes(-5)));

        for (String path :
                new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.threads.live"}) {
            for (String refused : new String[] {null, otherKey, expired}) {
                MvcTestResult result = get(path, refused);
                assertThat(result).as(path).hasStatus(HttpStatus.UNAUTHORIZED);
                assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            }
            MvcTestResult wrongRole = get(path, rider);
            assertThat(wrongRole).as(path).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(wrongRole).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(get(path, operator)).as(path).hasStatusOk();
        }
    }

    @Test
    void servicesReadMetricsButNotTheScrape() {
        String service = TestTokens.bearer(TestTokens.of("service", "gateway"));

        assertThat(get("/actuator/metrics/jvm.threads.live", service)).hasStatusOk();
        MvcTestResult scrape = get("/actuator/prometheus", service);
        assertThat(scrape).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(scrape).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownPathIsAProblemForAnOperatorAndARefusalForAnyoneElse() {
        assertThat(get("/v1/anything", null)).hasStatus(HttpStatus.UNAUTHORIZED);
        MvcTestResult missing = get("/v1/anything", TestTokens.bearer(TestTokens.of("operator", "ops-1")));
        assertThat(missing).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(missing).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MvcTestResult get(String path, @Nullable String authorization) {
        var request = mvc.get().uri(path);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.exchange();
    }
}
