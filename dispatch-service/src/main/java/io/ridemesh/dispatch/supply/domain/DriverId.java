package io.ridemesh.dispatch.supply.domain;

import java.util.Objects;

/**
 * A driver's user id: the {@code sub} of the driver's JWT, 1..64 characters without whitespace or control characters
 * (the same rule as order-service, which stores it on the ride). Immutable; thread-safe.
 *
 * @param value the id
 */
public record DriverId(String value) {

    /** Most characters of an id. */
    public static final int MAX_LENGTH = 64;

    public DriverId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "driverId must be 1.." + MAX_LENGTH + " characters, but was " + value.length());
        }
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("driverId must not contain whitespace or control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
