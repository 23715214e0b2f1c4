package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.IdempotencyKey;
import io.ridemesh.order.ride.domain.RideId;
import org.jspecify.annotations.Nullable;

/** The rider sent an {@code Idempotency-Key} they already used for a different request. Nothing was created. */
public final class IdempotencyKeyReused extends RuntimeException {

    private final IdempotencyKey key;

    /**
     * @param key the reused key
     * @param existing the ride created with it earlier, if it can still be read
     */
    public IdempotencyKeyReused(IdempotencyKey key, @Nullable RideId existing) {
        super("was already used for a different request"
                + (existing == null ? "" : " (ride " + existing + ")")
                + "; send a new key for a new ride, or the identical body to get the same ride");
        this.key = key;
    }

    /** The reused key. */
    public IdempotencyKey key() {
        return key;
    }
}
