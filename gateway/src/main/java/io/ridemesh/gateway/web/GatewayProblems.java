package io.ridemesh.gateway.web;

import io.ridemesh.kit.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * The gateway's own problem types (the kit's {@code urn:ridemesh:problem:} scheme); the shared ones are {@link
 * ProblemType}'s constants. Stateless.
 */
public final class GatewayProblems {

    /** 404 on the operator listener for a path it does not serve. */
    public static final ProblemType NOT_FOUND = ProblemType.of("not-found", HttpStatus.NOT_FOUND, "Not Found");
    /** 422: a routing key names a unit (id bits, {@code X-Unit}) the routing table does not hold. */
    public static final ProblemType UNKNOWN_UNIT =
            ProblemType.of("unknown-unit", HttpStatus.UNPROCESSABLE_CONTENT, "Unknown unit");
    /** 404: an operator action names a unit that does not exist. */
    public static final ProblemType UNKNOWN_UNIT_REFERENCE =
            ProblemType.of("unknown-unit", HttpStatus.NOT_FOUND, "Unknown unit");
    /** 404: an operator action names a region that does not exist. */
    public static final ProblemType UNKNOWN_REGION =
            ProblemType.of("unknown-region", HttpStatus.NOT_FOUND, "Unknown region");
    /** 409 failover refusals. */
    public static final ProblemType NO_HEALTHY_REGION =
            ProblemType.of("no-healthy-region", HttpStatus.CONFLICT, "No healthy region");

    public static final ProblemType NOTHING_TO_MOVE =
            ProblemType.of("nothing-to-move", HttpStatus.CONFLICT, "Nothing to move");
    public static final ProblemType REGION_CANNOT_SERVE =
            ProblemType.of("region-cannot-serve", HttpStatus.CONFLICT, "Region cannot serve");
    public static final ProblemType REGION_CATCHING_UP =
            ProblemType.of("region-catching-up", HttpStatus.CONFLICT, "Region still catching up");
    public static final ProblemType STALE_WRITE =
            ProblemType.of("stale-write", HttpStatus.CONFLICT, "Concurrent change");
    /** 429: the user's token bucket is empty. */
    public static final ProblemType RATE_LIMITED =
            ProblemType.of("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests");
    /** 503: in-flight calls to the service are at the limit (shed). */
    public static final ProblemType OVERLOADED =
            ProblemType.of("overloaded", HttpStatus.SERVICE_UNAVAILABLE, "Overloaded");
    /** 503: the home region's service is unreachable or its breaker is open. */
    public static final ProblemType SERVICE_UNAVAILABLE =
            ProblemType.of("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");
    /** 504: the service did not answer in time. */
    public static final ProblemType UPSTREAM_TIMEOUT =
            ProblemType.of("upstream-timeout", HttpStatus.GATEWAY_TIMEOUT, "Upstream timeout");

    private GatewayProblems() {}
}
