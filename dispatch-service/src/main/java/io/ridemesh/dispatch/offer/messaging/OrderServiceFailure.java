package io.ridemesh.dispatch.offer.messaging;

/**
 * One failed call to order-service that may succeed when repeated (connection error, timeout, 5xx, 429): retried and
 * counted by the circuit breaker. Carries the call and the status for logs.
 */
final class OrderServiceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    OrderServiceFailure(String call, String reason, Throwable cause) {
        super(call + ": " + reason, cause);
    }

    OrderServiceFailure(String call, String reason) {
        super(call + ": " + reason);
    }
}
