package io.ridemesh.order.ride.domain;

import java.util.Objects;

/**
 * The user id of a driver (the JWT {@code sub}). Immutable; thread-safe.
 *
 * @param value 1..64 characters, no whitespace or control characters
 * @throws IllegalArgumentException if {@code value} is malformed
 */
public record DriverId(String value) {

    public DriverId {
        Objects.requireNonNull(value, "value");
        UserIds.validate("driverId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
