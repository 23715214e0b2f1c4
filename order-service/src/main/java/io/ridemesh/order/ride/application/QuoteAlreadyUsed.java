package io.ridemesh.order.ride.application;

/**
 * The quote was already used for a ride: a quote buys one ride (issue 19). Checked before the insert and enforced by
 * the unique key {@code (quote_id, created_region)} of {@code rides} (migration V7), so two concurrent requests with
 * one quote create one ride. Nothing was created; the rider asks pricing-service for a new quote.
 */
public final class QuoteAlreadyUsed extends RuntimeException {

    private final String quoteId;

    /** @param quoteId the quote that was used before */
    public QuoteAlreadyUsed(String quoteId) {
        super("quote " + quoteId + " was already used for a ride; ask pricing-service for a new quote");
        this.quoteId = quoteId;
    }

    /** The quote that was used before. */
    public String quoteId() {
        return quoteId;
    }
}
