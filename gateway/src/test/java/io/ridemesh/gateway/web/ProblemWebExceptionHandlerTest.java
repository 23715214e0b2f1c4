package io.ridemesh.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.routing.web.DownstreamFailure;
import io.ridemesh.kit.problem.reactive.ReactiveProblemWriter;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.json.JsonMapper;

/** How the one error handler answers the gateway's own failures. */
class ProblemWebExceptionHandlerTest {

    final ProblemWebExceptionHandler handler = new ProblemWebExceptionHandler(
            new ReactiveProblemWriter(JsonMapper.builder().build(), CorrelationWebFilter.CORRELATION_ID_ATTR));

    @Test
    void aShedCallIs503OverloadedWithRetryAfterAndTheServiceNamed() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/v1/rides").build());

        handler.handle(
                        exchange,
                        new DownstreamFailure.Overloaded(
                                "order-service", "a", "order-service of region a is busy", null))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");
        String body = exchange.getResponse().getBodyAsString().block();
        assertThat(body)
                .contains("overloaded")
                .contains("\"service\":\"order-service\"")
                .contains("\"region\":\"a\"");
    }
}
