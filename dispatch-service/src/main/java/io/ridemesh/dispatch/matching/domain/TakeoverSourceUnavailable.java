package io.ridemesh.dispatch.matching.domain;

import org.jspecify.annotations.Nullable;

/**
 * A source of the takeover could not be read: the gateway's unit homes ({@link UnitHomes}) or order-service's waiting
 * rides ({@link WaitingRides}), because the service is down, slow, refused the credentials or answered something
 * unreadable. Unchecked; the caller retries on its next tick.
 */
public final class TakeoverSourceUnavailable extends RuntimeException {

    /** @param cause the failed call, or null when the answer was unusable */
    public TakeoverSourceUnavailable(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    public TakeoverSourceUnavailable(String message) {
        super(message);
    }
}
