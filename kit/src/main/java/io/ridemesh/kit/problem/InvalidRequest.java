package io.ridemesh.kit.problem;

import java.util.List;

/** A request whose fields break the API's rules; answered 400 with every {@link FieldError}. Nothing was changed. */
public final class InvalidRequest extends RuntimeException {

    private final List<FieldError> errors;

    /**
     * @param errors at least one
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public InvalidRequest(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    /** A request with one bad field. */
    public static InvalidRequest of(String field, String detail) {
        return new InvalidRequest(List.of(new FieldError(field, detail)));
    }

    /** The rejected fields, in request order. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors must not be empty");
        }
        FieldError first = errors.get(0);
        return first.field() + " " + first.detail()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }
}
