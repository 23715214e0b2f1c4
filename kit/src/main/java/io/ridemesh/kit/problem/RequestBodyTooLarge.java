package io.ridemesh.kit.problem;

/**
 * A request body over the service's limit ({@code servlet.RequestBodyLimitFilter}); answered 413 {@link
 * ProblemType#CONTENT_TOO_LARGE} naming the field {@code body}. Nothing was processed.
 */
public final class RequestBodyTooLarge extends RuntimeException {

    private final long maxBytes;

    private RequestBodyTooLarge(long maxBytes, String seen) {
        super("must be at most " + maxBytes + " bytes, but was " + seen);
        this.maxBytes = maxBytes;
    }

    /** A body whose {@code Content-Length} is over the limit. */
    public static RequestBodyTooLarge declared(long maxBytes, long contentLength) {
        return new RequestBodyTooLarge(maxBytes, contentLength + " bytes");
    }

    /** A body without a declared length that turned out longer than the limit while being read. */
    public static RequestBodyTooLarge streamed(long maxBytes) {
        return new RequestBodyTooLarge(maxBytes, "longer");
    }

    /** The limit, bytes. */
    public long maxBytes() {
        return maxBytes;
    }
}
