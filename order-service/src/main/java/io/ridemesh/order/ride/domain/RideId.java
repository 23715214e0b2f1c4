package io.ridemesh.order.ride.domain;

import io.ridemesh.common.id.GlobalIdGenerator;

/**
 * A ride's id: a global id (ARCHITECTURE.md section 4) that carries the ride's unit, so the gateway routes it without
 * a lookup. Written as a decimal string in JSON, because JavaScript numbers lose precision above 2<sup>53</sup>.
 * Immutable; thread-safe.
 *
 * @param value a positive global id
 * @throws IllegalArgumentException if {@code value} is not positive
 */
public record RideId(long value) {

    public RideId {
        if (value <= 0) {
            throw new IllegalArgumentException("ride id must be > 0, but was " + value);
        }
    }

    /**
     * Parses the decimal form.
     *
     * @throws IllegalArgumentException if {@code text} is not a positive decimal 64-bit integer
     */
    public static RideId parse(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("must be a positive decimal integer, but was '" + text + "'");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a positive 64-bit integer, but was '" + text + "'", e);
        }
        if (value <= 0) {
            throw new IllegalArgumentException("must be a positive decimal integer, but was '" + text + "'");
        }
        return new RideId(value);
    }

    /** The unit this ride belongs to, decoded from the id. */
    public int unitId() {
        return GlobalIdGenerator.unitOf(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
