package io.ridemesh.infra.cluster;

/**
 * A playground operation failed for a reason the user can act on (a taken port, a missing binary,
 * a component that did not become healthy). The message says what and where.
 */
public class PlatformException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
