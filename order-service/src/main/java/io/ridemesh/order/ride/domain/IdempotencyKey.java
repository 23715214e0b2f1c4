package io.ridemesh.order.ride.domain;

import java.util.Objects;

/**
 * The client's {@code Idempotency-Key} for creating a ride: retries with the same key (per rider) and the same request
 * yield the same ride. Compared case-sensitively. Immutable; thread-safe.
 *
 * @param value 1..128 visible ASCII characters (0x21..0x7E)
 * @throws IllegalArgumentException if {@code value} is malformed
 */
public record IdempotencyKey(String value) {

    /** Longest accepted key, in characters. */
    public static final int MAX_LENGTH = 128;

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "must be 1.." + MAX_LENGTH + " characters, but was " + value.length() + " characters");
        }
        if (!value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new IllegalArgumentException("must be visible ASCII characters only, but was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
