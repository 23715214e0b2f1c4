package io.ridemesh.dispatch.offer.messaging;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.ridemesh.dispatch.offer.domain.AssignOutcome;
import io.ridemesh.dispatch.offer.domain.RideAssignments;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.kit.security.ServiceTokens;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * {@link RideAssignments} over HTTP to the region's order-service, with a service JWT (role {@code service}).
 *
 * <p>Each call is decorated, outermost first, with a Resilience4j {@link Retry} (both calls are idempotent:
 * order-service returns an assigned ride unchanged when the same driver is assigned again), a {@link CircuitBreaker}
 * (after repeated failures calls fail fast instead of holding matchers and drivers for the timeout), and a
 * {@link TimeLimiter} per attempt. A 409 or 404 is an answer, not a failure: the ride is no longer REQUESTED. Other
 * 4xx are this service's fault (bad token, bad body) and not retried.
 *
 * <p>Never throws for remote failures: they become {@link AssignOutcome.Unreachable}. Thread-safe.
 */
public final class HttpRideAssignments implements RideAssignments {

    private final RestClient http;
    private final ServiceTokens tokens;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final TimeLimiter timeLimiter;
    private final ExecutorService executor;

    /**
     * @param http a client whose base URL is order-service's ({@code RIDEMESH_ORDER_SERVICE_URL})
     * @param executor runs the attempts the time limiter waits for
     */
    public HttpRideAssignments(
            RestClient http,
            ServiceTokens tokens,
            CircuitBreaker breaker,
            Retry retry,
            TimeLimiter timeLimiter,
            ExecutorService executor) {
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.timeLimiter = Objects.requireNonNull(timeLimiter, "timeLimiter");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public AssignOutcome assign(long rideId, DriverId driver) {
        String call = "POST /v1/rides/" + rideId + "/assign";
        return protect(call, () -> post(call, "/v1/rides/{id}/assign", rideId, Map.of("driverId", driver.value())));
    }

    @Override
    public AssignOutcome noDriver(long rideId) {
        String call = "POST /v1/rides/" + rideId + "/no-driver";
        return protect(call, () -> post(call, "/v1/rides/{id}/no-driver", rideId, null));
    }

    private AssignOutcome protect(String call, Supplier<AssignOutcome> attempt) {
        Supplier<CompletableFuture<AssignOutcome>> async = () -> CompletableFuture.supplyAsync(attempt, executor);
        Callable<AssignOutcome> limited = TimeLimiter.decorateFutureSupplier(timeLimiter, async);
        Callable<AssignOutcome> guarded = CircuitBreaker.decorateCallable(breaker, limited);
        Callable<AssignOutcome> retried = Retry.decorateCallable(retry, guarded);
        try {
            return retried.call();
        } catch (CallNotPermittedException e) {
            return new AssignOutcome.Unreachable("circuit breaker " + breaker.getName() + " is open");
        } catch (TimeoutException e) {
            return new AssignOutcome.Unreachable(call + ": no answer within "
                    + timeLimiter.getTimeLimiterConfig().getTimeoutDuration());
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return new AssignOutcome.Unreachable(cause.getMessage() == null ? cause.toString() : cause.getMessage());
        }
    }

    private AssignOutcome post(String call, String path, long rideId, @Nullable Map<String, String> body) {
        try {
            RestClient.RequestBodySpec request = http.post()
                    .uri(path, rideId)
                    .header("Authorization", "Bearer " + tokens.current())
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            ResponseEntity<String> response = request.retrieve()
                    .onStatus(HttpStatusCode::isError, (req, res) -> {})
                    .toEntity(String.class);
            return classify(call, response.getStatusCode().value(), String.valueOf(response.getBody()));
        } catch (ResourceAccessException e) {
            throw new OrderServiceFailure(call, "I/O error: " + e.getMessage(), e);
        }
    }

    /** Package-private for the classifier test. */
    static AssignOutcome classify(String call, int status, String body) {
        if (status >= 200 && status < 300) {
            return new AssignOutcome.Done();
        }
        if (status == 409 || status == 404) {
            return new AssignOutcome.RideUnavailable(status, abbreviate(body));
        }
        if (status >= 500 || status == 429 || status == 408) {
            throw new OrderServiceFailure(call, "HTTP " + status + " " + abbreviate(body));
        }
        // 400, 401, 403, ...: repeating cannot help; report it as unreachable so nothing is decided on it
        return new AssignOutcome.Unreachable(call + ": HTTP " + status + " " + abbreviate(body));
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
