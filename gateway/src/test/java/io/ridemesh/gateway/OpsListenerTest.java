package io.ridemesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.support.GatewayTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The operator listener ({@code gateway.ops-server.port}): the operator API with the same security as the main port,
 * and nothing else.
 */
class OpsListenerTest extends GatewayTestSupport {

    private static final String OPERATOR = bearer("operator", "ops-1");
    private static final String RIDER = bearer("rider", "rider-1");

    private final WebTestClient ops = WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + OPS_PORT)
            .responseTimeout(Duration.ofSeconds(10))
            .build();

    @BeforeEach
    void probed() {
        awaitRegionsProbed();
    }

    @Test
    void servesTheOperatorApiWithTheSameSecurity() {
        ops.get()
                .uri("/ops/regions")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.regions[0].name")
                .isEqualTo("a");
        ops.get().uri("/ops/regions").exchange().expectStatus().isUnauthorized();
        ops.get()
                .uri("/ops/regions")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void answersHealthAndIssuesNoToken() {
        ops.get().uri("/actuator/health").exchange().expectStatus().isOk();
        ops.post()
                .uri("/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"ops\",\"role\":\"operator\",\"password\":\"test-operator-password\"}")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void refusesAppTrafficWithAProblemNamingThePortsRole() {
        ops.post()
                .uri("/v1/quotes")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"pickup\":" + NYC + "}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("operator port"))
                .jsonPath("$.instance")
                .isEqualTo("/v1/quotes");
        assertThat(A.routedCalls()).isEmpty();
        ops.get().uri("/console").exchange().expectStatus().isNotFound();
    }

    @Test
    void theMainPortKeepsServingTheOperatorApi() {
        client().get()
                .uri("/ops/regions")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
