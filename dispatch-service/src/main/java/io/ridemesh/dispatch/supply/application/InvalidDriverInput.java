package io.ridemesh.dispatch.supply.application;

/**
 * A driver request carries a bad value; nothing was changed. {@link #field()} is the dotted JSON path
 * ({@code points[3].ts}). Maps to 400.
 */
public final class InvalidDriverInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String detail;

    public InvalidDriverInput(String field, String detail) {
        super(field + " " + detail);
        this.field = field;
        this.detail = detail;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
