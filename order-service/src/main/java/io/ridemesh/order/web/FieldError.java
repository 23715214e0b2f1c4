package io.ridemesh.order.web;

import java.util.Objects;

/**
 * One rejected input, as listed in a problem body's {@code errors}.
 *
 * @param field the JSON path of a body field ({@code pickup.lat}), a header ({@code Idempotency-Key}), a path or
 *     query parameter ({@code id}, {@code status}), or {@code body} for the body as a whole
 * @param message what was expected and what came, e.g. "must be in -90..90, but was 91.0"
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
