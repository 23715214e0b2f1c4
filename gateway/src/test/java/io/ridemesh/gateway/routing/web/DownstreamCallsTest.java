package io.ridemesh.gateway.routing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.ridemesh.gateway.region.Region;
import io.ridemesh.gateway.region.ServiceKind;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The request timeout of a forwarded call, how a long poll extends it, and load shedding. */
class DownstreamCallsTest {

    final DownstreamCalls calls = new DownstreamCalls(
            CircuitBreakerRegistry.ofDefaults(), BulkheadRegistry.ofDefaults(), Duration.ofSeconds(5));

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

    /** Gateway with room for one call in flight per (service, region). */
    final DownstreamCalls oneAtATime = withRoom(0);

    /** One place per (service, region) and {@code reserve} more for critical calls. */
    static DownstreamCalls withRoom(int reserve) {
        return new DownstreamCalls(
                CircuitBreakerRegistry.ofDefaults(),
                BulkheadRegistry.of(BulkheadConfig.custom()
                        .maxConcurrentCalls(1)
                        .maxWaitDuration(Duration.ZERO)
                        .build()),
                reserve,
                Duration.ofSeconds(5));
    }

    final Region a = new Region(1, "a");

    static MockServerWebExchange exchange(String uri) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(uri).build());
    }

    @Test
    void aCallOverTheLimitIsShedWithoutBeingSentOrCountedByTheBreaker() {
        Sinks.Empty<Void> first = Sinks.empty();
        var inFlight = oneAtATime
                .call(ServiceKind.ORDER_SERVICE, a, exchange("/v1/rides/1"), e -> first.asMono())
                .subscribe();
        AtomicBoolean sent = new AtomicBoolean();

        assertThatThrownBy(() -> oneAtATime
                        .call(
                                ServiceKind.ORDER_SERVICE,
                                a,
                                exchange("/v1/rides/2"),
                                e -> Mono.fromRunnable(() -> sent.set(true)))
                        .block())
                .isInstanceOf(DownstreamFailure.Overloaded.class)
                .hasMessageContaining("order-service of region a has 1 calls in flight");

        assertThat(sent).as("the shed call never reached the service").isFalse();
        assertThat(oneAtATime.breaker(ServiceKind.ORDER_SERVICE, a).getMetrics().getNumberOfFailedCalls())
                .isZero();
        first.tryEmitEmpty();
        inFlight.dispose();
    }

    @Test
    void anotherServiceOrRegionHasItsOwnRoom() {
        oneAtATime
                .call(ServiceKind.ORDER_SERVICE, a, exchange("/v1/rides/1"), e -> Mono.never())
                .subscribe();

        assertThat(oneAtATime
                        .call(ServiceKind.PRICING_SERVICE, a, exchange("/v1/quotes"), e -> Mono.empty())
                        .block())
                .isEqualTo(200);
        assertThat(oneAtATime
                        .call(ServiceKind.ORDER_SERVICE, new Region(2, "b"), exchange("/v1/rides/1"), e -> Mono.empty())
                        .block())
                .isEqualTo(200);
    }

    @Test
    void aFinishedCallFreesItsPlace() {
        for (int i = 0; i < 3; i++) {
            assertThat(oneAtATime
                            .call(ServiceKind.ORDER_SERVICE, a, exchange("/v1/rides/" + i), e -> Mono.empty())
                            .block())
                    .isEqualTo(200);
        }
    }

    @Test
    void longPollsAreIdleWaitsAndBypassTheLimit() {
        for (int i = 0; i < 2; i++) {
            oneAtATime
                    .call(
                            ServiceKind.DISPATCH_SERVICE,
                            a,
                            exchange("/v1/drivers/me/offer?waitSeconds=30"),
                            e -> Mono.never())
                    .subscribe();
        }

        assertThat(oneAtATime
                        .call(ServiceKind.DISPATCH_SERVICE, a, exchange("/v1/drivers/me/online"), e -> Mono.empty())
                        .block())
                .isEqualTo(200);
    }

    /** One place per (service, region) and one more in reserve for critical calls. */
    final DownstreamCalls oneAndOneInReserve = withRoom(1);

    @Test
    void aCriticalCallOverAFullBulkheadTakesTheReserveWhereANewOneIsShed() {
        var first = oneAndOneInReserve
                .call(ServiceKind.DISPATCH_SERVICE, a, exchange("/v1/drivers/me/online"), e -> Mono.never())
                .subscribe();

        assertThatThrownBy(() -> oneAndOneInReserve
                        .call(
                                ServiceKind.DISPATCH_SERVICE,
                                a,
                                exchange("/v1/drivers/me/locations"),
                                e -> Mono.empty(),
                                CallPriority.SHEDDABLE)
                        .block())
                .isInstanceOf(DownstreamFailure.Overloaded.class);
        AtomicBoolean sent = new AtomicBoolean();
        assertThat(oneAndOneInReserve
                        .call(
                                ServiceKind.DISPATCH_SERVICE,
                                a,
                                exchange("/v1/offers/7/accept"),
                                e -> Mono.fromRunnable(() -> sent.set(true)),
                                CallPriority.CRITICAL)
                        .block())
                .isEqualTo(200);
        assertThat(sent).isTrue();
        assertThat(oneAndOneInReserve
                        .reserve(ServiceKind.DISPATCH_SERVICE, a)
                        .getMetrics()
                        .getAvailableConcurrentCalls())
                .as("the reserve place was given back")
                .isOne();
        first.dispose();
    }

    @Test
    void aCriticalCallIsShedWhenTheReserveIsFullToo() {
        var first = oneAndOneInReserve
                .call(ServiceKind.ORDER_SERVICE, a, exchange("/v1/rides"), e -> Mono.never(), CallPriority.CRITICAL)
                .subscribe();
        var second = oneAndOneInReserve
                .call(ServiceKind.ORDER_SERVICE, a, exchange("/v1/rides"), e -> Mono.never(), CallPriority.CRITICAL)
                .subscribe();
        AtomicBoolean sent = new AtomicBoolean();

        assertThatThrownBy(() -> oneAndOneInReserve
                        .call(
                                ServiceKind.ORDER_SERVICE,
                                a,
                                exchange("/v1/rides/5/complete"),
                                e -> Mono.fromRunnable(() -> sent.set(true)),
                                CallPriority.CRITICAL)
                        .block())
                .isInstanceOf(DownstreamFailure.Overloaded.class);
        assertThat(sent).isFalse();
        first.dispose();
        second.dispose();
        assertThat(oneAndOneInReserve
                        .bulkhead(ServiceKind.ORDER_SERVICE, a)
                        .getMetrics()
                        .getAvailableConcurrentCalls())
                .as("a cancelled call gives its place back")
                .isOne();
    }

    @Test
    void withoutAReserveACriticalCallIsShedLikeAnyOther() {
        oneAtATime
                .call(ServiceKind.ORDER_SERVICE, a, exchange("/v1/rides/1"), e -> Mono.never())
                .subscribe();

        assertThatThrownBy(() -> oneAtATime
                        .call(
                                ServiceKind.ORDER_SERVICE,
                                a,
                                exchange("/v1/rides/1/arrive"),
                                e -> Mono.empty(),
                                CallPriority.CRITICAL)
                        .block())
                .isInstanceOf(DownstreamFailure.Overloaded.class);
        assertThat(oneAtATime.reserve(ServiceKind.ORDER_SERVICE, a)).isNull();
    }
}
