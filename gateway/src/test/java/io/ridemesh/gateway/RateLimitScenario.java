package io.ridemesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.support.GatewayTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The per-user rate limit seen from a client, whatever keeps the buckets: with a bucket of 3 refilled at 1 token/s,
 * a burst of 3, then 429 problems; other users keep their own bucket; rejected requests never reach a service.
 */
abstract class RateLimitScenario extends GatewayTestSupport {

    private EntityExchangeResult<byte[]> quote(String sub) {
        return client().post()
                .uri("/v1/quotes")
                .header(HttpHeaders.AUTHORIZATION, bearer("rider", sub))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"pickup\":" + NYC + "}")
                .exchange()
                .expectBody()
                .returnResult();
    }

    @Test
    void answers429AfterTheBurstPerUser() {
        // the bucket holds 3 and refills 1 token/s: the first three pass whatever the timing, and a 429 follows
        // within a few more unless the machine takes seconds per request
        for (int i = 0; i < 3; i++) {
            assertThat(quote("greedy").getStatus().value()).isEqualTo(200);
        }
        int passed = 3;
        EntityExchangeResult<byte[]> limited = quote("greedy");
        while (limited.getStatus().value() == 200 && passed < 8) {
            passed++;
            limited = quote("greedy");
        }
        assertThat(limited.getStatus().value()).isEqualTo(429);
        assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");
        assertThat(limited.getResponseHeaders().getFirst("X-RateLimit-Remaining"))
                .isEqualTo("0");
        assertThat(new String(limited.getResponseBodyContent(), StandardCharsets.UTF_8))
                .contains("\"type\":\"urn:ridemesh:problem:rate-limited\"")
                .contains("\"status\":429");
        assertThat(quote("patient").getStatus().value())
                .as("another user has its own bucket")
                .isEqualTo(200);
        assertThat(A.routedCalls())
                .as("rejected requests never reach the service")
                .hasSize(passed + 1);
    }
}
