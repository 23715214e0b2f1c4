package io.ridemesh.dispatch.offer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.ridemesh.dispatch.offer.domain.AssignOutcome;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.testsupport.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The order-service client against a local HTTP stub: classification, retry, timeout, circuit breaker, token. */
class HttpRideAssignmentsTest {

    /** What dispatch's client credentials gave it (ServiceTokens#current). */
    private static final String SERVICE_TOKEN = TestTokens.of("service", "dispatch-service");

    private HttpServer server;
    private ExecutorService executor;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile IntSupplier status = () -> 200;
    private volatile boolean hang;
    private CircuitBreaker breaker;
    private HttpRideAssignments client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (hang) {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{\"detail\":\"ride is CANCELLED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.getAsInt(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        executor = Executors.newFixedThreadPool(4);
        breaker = CircuitBreaker.of(
                "order-service",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(4)
                        .minimumNumberOfCalls(4)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofMinutes(1))
                        .build());
        Retry retry = Retry.of(
                "order-service",
                RetryConfig.custom()
                        .maxAttempts(3)
                        .intervalFunction(IntervalFunction.of(Duration.ofMillis(10)))
                        .ignoreExceptions(CallNotPermittedException.class)
                        .build());
        TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(Duration.ofMillis(300))
                .cancelRunningFuture(true)
                .build());
        RestClient http = RestClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .build();
        client = new HttpRideAssignments(http, () -> SERVICE_TOKEN, breaker, retry, limiter, executor);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void assignsWithAServiceToken() throws Exception {
        assertThat(client.assign(123, new DriverId("d-7"))).isInstanceOf(AssignOutcome.Done.class);
        assertThat(requests).containsExactly("POST /v1/rides/123/assign {\"driverId\":\"d-7\"}");
        assertThat(authorizations).containsExactly("Bearer " + SERVICE_TOKEN);
    }

    @Test
    void reportsNoDriver() {
        assertThat(client.noDriver(55)).isInstanceOf(AssignOutcome.Done.class);
        assertThat(requests).singleElement().asString().startsWith("POST /v1/rides/55/no-driver");
    }

    @Test
    void treatsConflictAsTheRideBeingGoneWithoutRetrying() {
        status = () -> 409;
        assertThat(client.assign(1, new DriverId("d")))
                .isInstanceOfSatisfying(AssignOutcome.RideUnavailable.class, r -> assertThat(r.httpStatus())
                        .isEqualTo(409));
        assertThat(calls).hasValue(1);
    }

    @Test
    void retriesServerErrorsUntilOneSucceeds() {
        status = () -> calls.get() < 3 ? 503 : 200;
        assertThat(client.assign(1, new DriverId("d"))).isInstanceOf(AssignOutcome.Done.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        status = () -> 500;
        assertThat(client.assign(1, new DriverId("d"))).isInstanceOf(AssignOutcome.Unreachable.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void timesOutASlowOrderService() {
        hang = true;
        assertThat(client.assign(1, new DriverId("d"))).isInstanceOf(AssignOutcome.Unreachable.class);
    }

    @Test
    void failsFastOnceTheCircuitIsOpen() {
        status = () -> 500;
        client.assign(1, new DriverId("d"));
        client.assign(2, new DriverId("d"));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = calls.get();
        assertThat(client.assign(3, new DriverId("d")))
                .isInstanceOfSatisfying(AssignOutcome.Unreachable.class, u -> assertThat(u.reason())
                        .contains("circuit breaker order-service is open"));
        assertThat(calls).hasValue(before);
    }

    @Test
    void doesNotRetryItsOwnMistakes() {
        status = () -> 401;
        assertThat(client.assign(1, new DriverId("d"))).isInstanceOf(AssignOutcome.Unreachable.class);
        assertThat(calls).hasValue(1);
    }
}
