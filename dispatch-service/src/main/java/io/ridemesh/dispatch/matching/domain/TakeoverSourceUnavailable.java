package io.ridemesh.dispatch.matching.domain;

/**
 * A source of the takeover could not be read: the gateway's unit homes ({@link UnitHomes}) or order-service's waiting
 * rides ({@link WaitingRides}), because the service is down, slow, refused the credentials or answered something
 * unreadable. Unchecked; the caller retries on its next tick.
 */
public final class TakeoverSourceUnavailable extends RuntimeException {

    public TakeoverSourceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public TakeoverSourceUnavailable(String message) {
        super(message);
    }
}
