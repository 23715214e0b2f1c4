package io.ridemesh.common.quote;

import java.time.Instant;

/** The token is genuine but was presented at or after its {@link QuoteClaims#expiresAt()}. */
public final class QuoteExpired extends InvalidQuote {

    private final String quoteId;
    private final Instant expiresAt;
    private final Instant now;

    QuoteExpired(String quoteId, Instant expiresAt, Instant now) {
        super("quote " + quoteId + " expired at " + expiresAt + ", presented at " + now);
        this.quoteId = quoteId;
        this.expiresAt = expiresAt;
        this.now = now;
    }

    /** The expired quote's id. */
    public String quoteId() {
        return quoteId;
    }

    /** When it expired. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** When it was presented. */
    public Instant now() {
        return now;
    }
}
