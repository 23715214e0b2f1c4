package io.ridemesh.pricing.domain;

import java.util.Objects;

/**
 * A quote request that cannot be priced, naming the request field at fault. Closed set: {@link InvalidQuoteRequest}
 * (the field breaks a rule) and {@link OutsideServiceArea} (the field is valid but no unit serves it).
 */
public abstract sealed class QuoteRequestRejected extends RuntimeException
        permits InvalidQuoteRequest, OutsideServiceArea {

    private final String field;

    QuoteRequestRejected(String field, String detail) {
        super(field + " " + detail);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The request field at fault, as the API names it, e.g. {@code seats} or {@code pickup}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, without the field name, e.g. {@code must be <= 4 for SOLO, but was 6}. */
    public String detail() {
        return getMessage().substring(field.length() + 1);
    }
}
