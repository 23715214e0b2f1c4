package io.ridemesh.common.quote;

/**
 * A quote token that must not be honoured. The closed set of reasons: {@link QuoteTampered} (forged, altered, signed
 * with another key or malformed) and {@link QuoteExpired} (genuine but too old).
 */
public abstract sealed class InvalidQuote extends RuntimeException permits QuoteTampered, QuoteExpired {

    InvalidQuote(String message) {
        super(message);
    }
}
