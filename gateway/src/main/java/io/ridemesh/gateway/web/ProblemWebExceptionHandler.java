package io.ridemesh.gateway.web;

import io.ridemesh.gateway.failover.application.FailoverRejected;
import io.ridemesh.gateway.ratelimit.RateLimited;
import io.ridemesh.gateway.routing.domain.InvalidRoutingInput;
import io.ridemesh.gateway.routing.domain.OutsideServiceArea;
import io.ridemesh.gateway.routing.domain.RoutingRejected;
import io.ridemesh.gateway.routing.web.DownstreamFailure;
import io.ridemesh.kit.problem.FieldError;
import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.Problems;
import io.ridemesh.kit.problem.reactive.ReactiveProblemWriter;
import java.util.List;
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
 * 400 invalid-field          the routing field is missing or malformed (field)
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

    private final ReactiveProblemWriter problems;

    public ProblemWebExceptionHandler(ReactiveProblemWriter problems) {
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
                return problems.write(exchange, GatewayProblems.OVERLOADED, f.getMessage(), extra);
            }
            if (f instanceof DownstreamFailure.TimedOut) {
                return problems.write(exchange, GatewayProblems.UPSTREAM_TIMEOUT, f.getMessage(), extra);
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return problems.write(exchange, GatewayProblems.SERVICE_UNAVAILABLE, f.getMessage(), extra);
        }
        if (ex instanceof RateLimited r) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return problems.write(exchange, GatewayProblems.RATE_LIMITED, r.getMessage(), Map.of());
        }
        if (ex instanceof FailoverRejected f) {
            return failover(exchange, f);
        }
        if (ex instanceof ServerWebInputException in) {
            return problems.write(
                    exchange,
                    ProblemType.INVALID_REQUEST,
                    in.getReason() == null ? "malformed request" : in.getReason(),
                    Map.of());
        }
        if (ex instanceof ResponseStatusException rs) {
            HttpStatusCode status = rs.getStatusCode();
            rs.getHeaders()
                    .forEach((k, v) -> exchange.getResponse().getHeaders().put(k, v));
            ProblemType type = typeOf(status);
            return problems.write(exchange, type, rs.getReason() == null ? type.title() : rs.getReason(), Map.of());
        }
        log.error(
                "unhandled error on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex);
        return problems.write(
                exchange,
                ProblemType.INTERNAL_ERROR,
                "the gateway failed to handle the request; see its log",
                Map.of());
    }

    private Mono<Void> routing(ServerWebExchange exchange, RoutingRejected r) {
        ProblemType type;
        if (r instanceof InvalidRoutingInput) {
            type = ProblemType.INVALID_FIELD;
        } else if (r instanceof OutsideServiceArea) {
            type = ProblemType.OUTSIDE_SERVICE_AREA;
        } else {
            type = GatewayProblems.UNKNOWN_UNIT;
        }
        return problems.write(exchange, fieldProblem(type, r.field(), r.getMessage()));
    }

    private Mono<Void> failover(ServerWebExchange exchange, FailoverRejected f) {
        if (f instanceof FailoverRejected.UnknownRegion) {
            return problems.write(exchange, GatewayProblems.UNKNOWN_REGION, f.getMessage(), Map.of());
        }
        if (f instanceof FailoverRejected.UnknownUnitReference) {
            return problems.write(exchange, GatewayProblems.UNKNOWN_UNIT_REFERENCE, f.getMessage(), Map.of());
        }
        ProblemType type;
        if (f instanceof FailoverRejected.NoHealthyRegion) {
            type = GatewayProblems.NO_HEALTHY_REGION;
        } else if (f instanceof FailoverRejected.NothingToMove) {
            type = GatewayProblems.NOTHING_TO_MOVE;
        } else if (f instanceof FailoverRejected.RegionCannotServe) {
            type = GatewayProblems.REGION_CANNOT_SERVE;
        } else if (f instanceof FailoverRejected.RegionCatchingUp) {
            type = GatewayProblems.REGION_CATCHING_UP;
        } else {
            type = GatewayProblems.STALE_WRITE;
        }
        return problems.write(exchange, type, f.getMessage(), Map.of());
    }

    /**
     * A framework status as a problem type: its reason phrase as title and slug ({@code method-not-allowed}); an
     * unknown or non-error code is an internal error.
     */
    private static ProblemType typeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (known == null || !known.isError()) {
            return ProblemType.INTERNAL_ERROR;
        }
        return ProblemType.of(
                known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), known, known.getReasonPhrase());
    }

    /** {@code detail} is the exception's whole message; {@code field} and {@code errors} name the field. */
    private static Problems.Builder fieldProblem(ProblemType type, String field, String message) {
        return Problems.of(type, message).errors(List.of(new FieldError(field, message)));
    }
}
