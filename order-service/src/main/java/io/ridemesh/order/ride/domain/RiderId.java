package io.ridemesh.order.ride.domain;

import java.util.Objects;

/**
 * The user id of a rider (the JWT {@code sub}). Immutable; thread-safe.
 *
 * @param value 1..64 characters, no whitespace or control characters
 * @throws IllegalArgumentException if {@code value} is malformed
 */
public record RiderId(String value) {

    public RiderId {
        Objects.requireNonNull(value, "value");
        UserIds.validate("riderId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
