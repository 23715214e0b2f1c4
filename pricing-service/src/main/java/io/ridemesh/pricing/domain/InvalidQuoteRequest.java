package io.ridemesh.pricing.domain;

/** A request field breaks a rule, e.g. more seats than the product allows. */
public final class InvalidQuoteRequest extends QuoteRequestRejected {

    public InvalidQuoteRequest(String field, String detail) {
        super(field, detail);
    }
}
