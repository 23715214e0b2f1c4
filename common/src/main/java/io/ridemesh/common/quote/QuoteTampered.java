package io.ridemesh.common.quote;

/**
 * The token's signature does not match its payload under the verifier's key, or the token is not well formed. The
 * message says which check failed; it never repeats the token or the key.
 */
public final class QuoteTampered extends InvalidQuote {

    QuoteTampered(String message) {
        super(message);
    }
}
