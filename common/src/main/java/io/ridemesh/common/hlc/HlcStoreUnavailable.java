package io.ridemesh.common.hlc;

/**
 * An {@link HlcStore} could not read or write the persisted upper bound. Retriable: the clock keeps its state and
 * tries the store again on the next call that needs a new bound.
 */
public final class HlcStoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was being done and for which node key
     * @param cause the underlying failure (usually an {@link java.sql.SQLException})
     */
    public HlcStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
