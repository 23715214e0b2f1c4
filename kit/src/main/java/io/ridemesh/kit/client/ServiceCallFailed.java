package io.ridemesh.kit.client;

/**
 * A call to another service failed or answered something unusable (see {@link ServiceClient}). Unchecked; callers that
 * poll retry on their next tick.
 */
public final class ServiceCallFailed extends RuntimeException {

    /** @param message what was read from which service, and why it failed */
    public ServiceCallFailed(String message) {
        super(message);
    }

    /**
     * @param message what was read from which service, and why it failed
     * @param cause the I/O or parsing error
     */
    public ServiceCallFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
