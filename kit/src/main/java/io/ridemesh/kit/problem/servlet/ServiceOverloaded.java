package io.ridemesh.kit.problem.servlet;

/**
 * A request refused before any work because the service already has {@link #maxRequests()} requests in work ({@link
 * RequestsInWorkLimitFilter}); answered 503 {@code overloaded} with {@code Retry-After}. No stack trace: it is an
 * expected outcome under load.
 */
public final class ServiceOverloaded extends RuntimeException {

    private final int maxRequests;

    /** @param maxRequests the limit that was reached */
    public ServiceOverloaded(int maxRequests) {
        super(
                "the service has " + maxRequests + " requests in work; shed before any work, try again after"
                        + " Retry-After",
                null,
                false,
                false);
        this.maxRequests = maxRequests;
    }

    /** The limit that was reached. */
    public int maxRequests() {
        return maxRequests;
    }
}
