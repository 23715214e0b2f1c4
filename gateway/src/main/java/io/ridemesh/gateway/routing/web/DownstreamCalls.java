package io.ridemesh.gateway.routing.web;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.ridemesh.gateway.region.Region;
import io.ridemesh.gateway.region.ServiceKind;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Forwards a routed request through the bulkhead and the circuit breaker of its (service, region), e.g. {@code
 * order-service@a}, under the request timeout. One breaker per service and region, so a dead region's services do not
 * trip the breakers of the same services elsewhere.
 *
 * <p>Load shedding: the bulkhead (a semaphore without waiting) admits {@code maxConcurrentCalls} calls in flight per
 * (service, region); a call over it fails at once with {@link DownstreamFailure.Overloaded} (503, {@code Retry-After}),
 * is never sent, and does not count against the breaker. Without it an overloaded service shares its CPU among every
 * queued call until all of them outlive their clients' timeouts, and the work done for them is thrown away (under
 * {@code ./platform demo} on 2 cores without it, 58,000 of 230,000 app calls ran into the app's 10 s response timeout,
 * in a gateway's accept queue or behind other calls). Long polls ({@code waitSeconds} > 0) are idle waits, not work,
 * and bypass it.
 *
 * <p>Prioritized shedding: a {@link CallPriority#CRITICAL} call (one that carries on work the platform already
 * accepted: a ride request with its quote, a driver's answer to an offer, a ride's next step) that finds the bulkhead
 * full takes a place of a second, smaller one, the reserve ({@code <service>@<region>/reserve}); a {@link
 * CallPriority#SHEDDABLE} call (a quote, going online, a location fix, a read) is shed. Under overload the gateway then
 * sheds new work before it sheds the steps of rides under way, whose earlier calls would otherwise have been wasted and
 * retried (the approach of Netflix's prioritized load shedding, 2024, and of Google SRE's request criticality,
 * "Handling Overload", Site Reliability Engineering ch. 21).
 *
 * <p>Failures counted by a breaker: connection errors, timeouts, and 5xx answers (the answer still reaches the client
 * unchanged). An open breaker, an unreachable service or a timeout become {@link DownstreamFailure}s, which the central
 * problem handler answers with 503 / 504 problem bodies, unless the response was already committed.
 *
 * <p>The timeout covers the call up to the service's response head; the body then streams to the client. Thread-safe.
 */
public final class DownstreamCalls {

    /** Longest long-poll wait that extends the request timeout. */
    static final int MAX_LONG_POLL_SECONDS = 60;

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final @Nullable BulkheadConfig reserve;
    private final Duration timeout;

    /**
     * Without a reserve: a critical call is shed like any other when the bulkhead is full.
     *
     * @param breakers one breaker per (service, region), created on first use
     * @param bulkheads one bulkhead per (service, region), created on first use; configured with a zero max wait
     * @param timeout the request timeout of a call (a long poll's wait is added)
     */
    public DownstreamCalls(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, Duration timeout) {
        this(breakers, bulkheads, 0, timeout);
    }

    /**
     * @param breakers one breaker per (service, region), created on first use
     * @param bulkheads one bulkhead per (service, region), created on first use; configured with a zero max wait
     * @param reserveCalls places for critical calls over a full bulkhead, per (service, region); 0 for none
     * @param timeout the request timeout of a call (a long poll's wait is added)
     * @throws IllegalArgumentException if {@code reserveCalls} is negative
     */
    public DownstreamCalls(
            CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, int reserveCalls, Duration timeout) {
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.bulkheads = Objects.requireNonNull(bulkheads, "bulkheads");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (reserveCalls < 0) {
            throw new IllegalArgumentException("reserveCalls must be >= 0, but was " + reserveCalls);
        }
        this.reserve = reserveCalls == 0
                ? null
                : BulkheadConfig.from(bulkheads.getDefaultConfig())
                        .maxConcurrentCalls(reserveCalls)
                        .build();
    }

    /** The bulkhead of {@code service} in {@code region} (created on first use). */
    public Bulkhead bulkhead(ServiceKind service, Region region) {
        return bulkheads.bulkhead(service.id() + "@" + region.name());
    }

    /** The reserve of {@code service} in {@code region} for critical calls (created on first use); null if none. */
    public @Nullable Bulkhead reserve(ServiceKind service, Region region) {
        return reserve == null ? null : bulkheads.bulkhead(service.id() + "@" + region.name() + "/reserve", reserve);
    }

    /** The breaker of {@code service} in {@code region} (created on first use). */
    public CircuitBreaker breaker(ServiceKind service, Region region) {
        return breakers.circuitBreaker(service.id() + "@" + region.name());
    }

    /**
     * {@link #call(ServiceKind, Region, ServerWebExchange, GatewayFilterChain, CallPriority)} of a {@link
     * CallPriority#SHEDDABLE} call.
     */
    public Mono<Integer> call(
            ServiceKind service, Region region, ServerWebExchange exchange, GatewayFilterChain chain) {
        return call(service, region, exchange, chain, CallPriority.SHEDDABLE);
    }

    /**
     * Runs the rest of the gateway chain (the HTTP call) guarded.
     *
     * @param priority whether the call may take a place of the reserve when the bulkhead is full
     * @return the service's status code; errors with a {@link DownstreamFailure} when the call was shed, the breaker is
     *     open, the service is unreachable or did not answer in time
     */
    public Mono<Integer> call(
            ServiceKind service,
            Region region,
            ServerWebExchange exchange,
            GatewayFilterChain chain,
            CallPriority priority) {
        CircuitBreaker breaker = breaker(service, region);
        Duration deadline = timeoutFor(exchange);
        Mono<Integer> guarded = chain.filter(exchange)
                .then(Mono.fromSupplier(() -> {
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    return status == null ? 200 : status.value();
                }))
                .timeout(deadline)
                .transformDeferred(CircuitBreakerOperator.of(breaker));
        if (deadline.equals(timeout)) { // not a long poll
            // outermost: a shed call never reaches the breaker
            guarded = admitted(
                    guarded,
                    bulkhead(service, region),
                    priority == CallPriority.CRITICAL ? reserve(service, region) : null);
        }
        return guarded.onErrorMap(
                e -> !exchange.getResponse().isCommitted(), e -> failure(service, region, breaker, e, deadline));
    }

    /**
     * {@code call} with a place of {@code main}, else of {@code reserve} (when given); else an error with {@link
     * BulkheadFullException} before anything is sent. The place is given back when the call ends, fails or is
     * cancelled. A critical call goes to the reserve first when {@code main} is full, so that its rejection by
     * {@code main} is not counted as shed.
     */
    private static Mono<Integer> admitted(Mono<Integer> call, Bulkhead main, @Nullable Bulkhead reserve) {
        return Mono.defer(() -> {
            Bulkhead place = null;
            if (reserve != null
                    && main.getMetrics().getAvailableConcurrentCalls() == 0
                    && reserve.tryAcquirePermission()) {
                place = reserve;
            } else if (main.tryAcquirePermission()) {
                place = main;
            } else if (reserve != null && reserve.tryAcquirePermission()) {
                place = reserve;
            }
            if (place == null) {
                return Mono.error(BulkheadFullException.createBulkheadFullException(reserve == null ? main : reserve));
            }
            Bulkhead taken = place;
            return call.doFinally(signal -> taken.onComplete());
        });
    }

    /**
     * The request timeout, plus the wait of a long poll: a request with a {@code waitSeconds} query parameter (at most
     * {@value #MAX_LONG_POLL_SECONDS}) may be held that long by the service before it answers (e.g. a driver waiting
     * for an offer).
     */
    Duration timeoutFor(ServerWebExchange exchange) {
        String wait = exchange.getRequest().getQueryParams().getFirst("waitSeconds");
        if (wait == null) {
            return timeout;
        }
        try {
            int seconds = Integer.parseInt(wait);
            return seconds > 0 ? timeout.plusSeconds(Math.min(seconds, MAX_LONG_POLL_SECONDS)) : timeout;
        } catch (NumberFormatException e) {
            return timeout; // the service answers 400
        }
    }

    private DownstreamFailure failure(
            ServiceKind service, Region region, CircuitBreaker breaker, Throwable e, Duration deadline) {
        if (e instanceof DownstreamFailure f) {
            return f;
        }
        if (e instanceof TimeoutException) {
            return new DownstreamFailure.TimedOut(
                    service.id(),
                    region.name(),
                    service.id() + " of region " + region.name() + " did not answer within " + deadline.toMillis()
                            + " ms",
                    e);
        }
        if (e instanceof BulkheadFullException) {
            return new DownstreamFailure.Overloaded(
                    service.id(),
                    region.name(),
                    service.id() + " of region " + region.name() + " has "
                            + bulkhead(service, region).getBulkheadConfig().getMaxConcurrentCalls()
                            + " calls in flight through this gateway; shed, try again after Retry-After",
                    e);
        }
        if (e instanceof CallNotPermittedException) {
            return new DownstreamFailure.Unavailable(
                    service.id(),
                    region.name(),
                    "circuit breaker " + breaker.getName() + " is " + breaker.getState() + ": recent calls to "
                            + service.id() + " of region " + region.name() + " failed",
                    e);
        }
        return new DownstreamFailure.Unavailable(
                service.id(),
                region.name(),
                "cannot reach " + service.id() + " of region " + region.name() + ": " + rootMessage(e),
                e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
