package io.ridemesh.gateway.routing.web;

import java.util.Objects;

/**
 * A forwarded request that got no answer from the service. Closed set: {@link Unavailable} (503: unreachable, breaker
 * open, no route to the region), {@link Overloaded} (503: shed by the gateway, never sent) and {@link TimedOut} (504).
 * Carries the breaker name ({@code service@region}).
 *
 * <p>An expected outcome under load, answered with a problem body, not a bug: it has no stack trace and takes no
 * suppressed exceptions (Reactor's checkpoints would add one per operator on its way), because a shed call must
 * cost the gateway as little as possible. Its message names the service and region; the cause keeps its own trace.
 */
public abstract sealed class DownstreamFailure extends RuntimeException
        permits DownstreamFailure.Unavailable, DownstreamFailure.Overloaded, DownstreamFailure.TimedOut {

    private static final long serialVersionUID = 1L;

    private final String service;
    private final String region;

    DownstreamFailure(String service, String region, String message, Throwable cause) {
        super(message, cause, false, false);
        this.service = Objects.requireNonNull(service, "service");
        this.region = Objects.requireNonNull(region, "region");
    }

    /** e.g. {@code order-service} */
    public String service() {
        return service;
    }

    /** Region name, e.g. {@code a}. */
    public String region() {
        return region;
    }

    /** The circuit breaker's name, {@code service@region}. */
    public String breaker() {
        return service + "@" + region;
    }

    /** 503: the service could not be reached, its breaker is open, or there is no route to it. */
    public static final class Unavailable extends DownstreamFailure {
        private static final long serialVersionUID = 1L;

        public Unavailable(String service, String region, String message, Throwable cause) {
            super(service, region, message, cause);
        }
    }

    /**
     * 503: the gateway already has {@code gateway.downstream.max-concurrent-calls} calls in flight to the service and
     * shed this one without sending it (nothing changed; safe to retry after {@code Retry-After}).
     */
    public static final class Overloaded extends DownstreamFailure {
        private static final long serialVersionUID = 1L;

        public Overloaded(String service, String region, String message, Throwable cause) {
            super(service, region, message, cause);
        }
    }

    /** 504: the service did not answer within the request timeout. */
    public static final class TimedOut extends DownstreamFailure {
        private static final long serialVersionUID = 1L;

        public TimedOut(String service, String region, String message, Throwable cause) {
            super(service, region, message, cause);
        }
    }
}
