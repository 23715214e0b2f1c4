package io.ridemesh.gateway.routing.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** The request timeout of a forwarded call, and how a long poll extends it. */
class DownstreamCallsTest {

    final DownstreamCalls calls = new DownstreamCalls(CircuitBreakerRegistry.ofDefaults(), Duration.ofSeconds(5));

    Duration timeoutOf(String uri) {
        return calls.timeoutFor(
                MockServerWebExchange.from(MockServerHttpRequest.get(uri).build()));
    }

    @Test
    void aPlainRequestGetsTheRequestTimeout() {
        assertThat(timeoutOf("/v1/drivers/me/offer")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aLongPollGetsItsWaitOnTop() {
        assertThat(timeoutOf("/v1/drivers/me/offer?waitSeconds=20")).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void theWaitIsCappedAndNonsenseIsIgnored() {
        assertThat(timeoutOf("/v1/drivers/me/offer?waitSeconds=3600")).isEqualTo(Duration.ofSeconds(65));
        assertThat(timeoutOf("/v1/drivers/me/offer?waitSeconds=soon")).isEqualTo(Duration.ofSeconds(5));
        assertThat(timeoutOf("/v1/drivers/me/offer?waitSeconds=-3")).isEqualTo(Duration.ofSeconds(5));
    }
}
