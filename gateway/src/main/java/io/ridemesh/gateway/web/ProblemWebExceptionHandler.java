package io.ridemesh.gateway.web;

import io.ridemesh.gateway.failover.application.FailoverRejected;
import io.ridemesh.gateway.ratelimit.RateLimited;
import io.ridemesh.gateway.routing.domain.InvalidRoutingInput;
import io.ridemesh.gateway.routing.domain.OutsideServiceArea;
import io.ridemesh.gateway.routing.domain.RoutingRejected;
import io.ridemesh.gateway.routing.domain.UnknownUnit;
import io.ridemesh.gateway.routing.web.DownstreamFailure;
import io.ridemesh.gateway.security.TokenRefused;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one place errors become problem bodies: route filters, controllers and the framework all end here. Types
 * ({@code urn:ridemesh:problem:...}):
 *
 * <pre>
 * 400 invalid-field          the routing field is missing or malformed (field), or a bad /auth/token request
 * 401 invalid-credentials    operator password missing or wrong
 * 404 unknown-region, unknown-unit (ops), not-found
 * 409 no-healthy-region, nothing-to-move, region-cannot-serve, stale-write
 * 413 content-too-large      body above gateway.routing.max-body-size
 * 422 outside-service-area   a routing point in no unit (field)
 * 422 unknown-unit           a unit (id bits, X-Unit) not in the routing table (field)
 * 429 rate-limited           the user's token bucket is empty (Retry-After)
 * 503 service-unavailable    the home region's service is unreachable or its breaker is open (service, region, breaker)
 * 503 overloaded           shed: gateway.downstream.max-concurrent-calls already in flight to the service (Retry-After)
 * 504 upstream-timeout       the service did not answer within gateway.downstream.request-timeout
 * 500 internal-error         anything else (logged)
 * </pre>
 *
 * Runs before Spring Boot's default handler. Thread-safe.
 */
public final class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final ProblemResponses problems;

    public ProblemWebExceptionHandler(ProblemResponses problems) {
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    @Override
    public int getOrder() {
        // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof RoutingRejected r) {
            return routing(exchange, r);
        }
        if (ex instanceof DownstreamFailure f) {
            Map<String, Object> extra = Map.of("service", f.service(), "region", f.region(), "breaker", f.breaker());
            if (f instanceof DownstreamFailure.Overloaded) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                return problems.write(
                        exchange, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Overloaded", f.getMessage(), extra);
            }
            if (f instanceof DownstreamFailure.TimedOut) {
                return problems.write(
                        exchange,
                        HttpStatus.GATEWAY_TIMEOUT,
                        "upstream-timeout",
                        "Upstream timeout",
                        f.getMessage(),
                        extra);
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return problems.write(
                    exchange,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "service-unavailable",
                    "Service unavailable",
                    f.getMessage(),
                    extra);
        }
        if (ex instanceof RateLimited r) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return problems.write(
                    exchange,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate-limited",
                    "Too many requests",
                    r.getMessage(),
                    Map.of());
        }
        if (ex instanceof FailoverRejected f) {
            return failover(exchange, f);
        }
        if (ex instanceof TokenRefused.InvalidField f) {
            return problems.write(
                    exchange,
                    HttpStatus.BAD_REQUEST,
                    "invalid-field",
                    "Invalid request field",
                    f.getMessage(),
                    ProblemResponses.fieldError(f.field(), f.getMessage()));
        }
        if (ex instanceof TokenRefused.BadCredentials b) {
            return problems.write(
                    exchange,
                    HttpStatus.UNAUTHORIZED,
                    "invalid-credentials",
                    "Invalid credentials",
                    b.getMessage(),
                    Map.of());
        }
        if (ex instanceof ServerWebInputException in) {
            return problems.write(
                    exchange,
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "Invalid request",
                    in.getReason() == null ? "malformed request" : in.getReason(),
                    Map.of());
        }
        if (ex instanceof ResponseStatusException rs) {
            HttpStatusCode status = rs.getStatusCode();
            rs.getHeaders()
                    .forEach((k, v) -> exchange.getResponse().getHeaders().put(k, v));
            return problems.write(
                    exchange,
                    status,
                    slug(status),
                    title(status),
                    rs.getReason() == null ? title(status) : rs.getReason(),
                    Map.of());
        }
        log.error(
                "unhandled error on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex);
        return problems.write(
                exchange,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "the gateway failed to handle the request; see its log",
                Map.of());
    }

    private Mono<Void> routing(ServerWebExchange exchange, RoutingRejected r) {
        Map<String, Object> extra = new LinkedHashMap<>(ProblemResponses.fieldError(r.field(), r.getMessage()));
        if (r instanceof InvalidRoutingInput) {
            return problems.write(
                    exchange, HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field", r.getMessage(), extra);
        }
        if (r instanceof OutsideServiceArea) {
            return problems.write(
                    exchange,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "outside-service-area",
                    "Outside the service area",
                    r.getMessage(),
                    extra);
        }
        UnknownUnit u = (UnknownUnit) r;
        return problems.write(
                exchange, HttpStatus.UNPROCESSABLE_CONTENT, "unknown-unit", "Unknown unit", u.getMessage(), extra);
    }

    private Mono<Void> failover(ServerWebExchange exchange, FailoverRejected f) {
        if (f instanceof FailoverRejected.UnknownRegion) {
            return problems.write(
                    exchange, HttpStatus.NOT_FOUND, "unknown-region", "Unknown region", f.getMessage(), Map.of());
        }
        if (f instanceof FailoverRejected.UnknownUnitReference) {
            return problems.write(
                    exchange, HttpStatus.NOT_FOUND, "unknown-unit", "Unknown unit", f.getMessage(), Map.of());
        }
        String slug;
        String title;
        if (f instanceof FailoverRejected.NoHealthyRegion) {
            slug = "no-healthy-region";
            title = "No healthy region";
        } else if (f instanceof FailoverRejected.NothingToMove) {
            slug = "nothing-to-move";
            title = "Nothing to move";
        } else if (f instanceof FailoverRejected.RegionCannotServe) {
            slug = "region-cannot-serve";
            title = "Region cannot serve";
        } else if (f instanceof FailoverRejected.RegionCatchingUp) {
            slug = "region-catching-up";
            title = "Region still catching up";
        } else {
            slug = "stale-write";
            title = "Concurrent change";
        }
        return problems.write(exchange, HttpStatus.CONFLICT, slug, title, f.getMessage(), Map.of());
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "http-" + status.value()
                : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP " + status.value() : known.getReasonPhrase();
    }
}
