package io.ridemesh.kit.problem;

import java.util.Objects;

/**
 * One rejected field of a request, as problem bodies carry it in {@code errors}. Immutable; thread-safe.
 *
 * @param field the field's path as in the request, dotted with indexes ({@code pickup.lat}, {@code points[3].lon}),
 *     a header ({@code Idempotency-Key}), a path or query parameter, or {@code body} for the body as a whole
 * @param detail what is wrong, e.g. {@code must be a number, but was 'north'}
 */
public record FieldError(String field, String detail) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
    }
}
