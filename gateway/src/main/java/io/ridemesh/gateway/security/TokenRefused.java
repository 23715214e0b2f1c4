package io.ridemesh.gateway.security;

import java.util.Objects;

/**
 * {@code POST /auth/token} refused. Closed set: {@link InvalidField} (400, names the field) and {@link BadCredentials}
 * (401: operator password missing or wrong, or operator tokens disabled).
 */
public abstract sealed class TokenRefused extends RuntimeException
        permits TokenRefused.InvalidField, TokenRefused.BadCredentials {

    private static final long serialVersionUID = 1L;

    TokenRefused(String message) {
        super(message);
    }

    /** A missing or invalid request field. */
    public static final class InvalidField extends TokenRefused {
        private static final long serialVersionUID = 1L;
        private final String field;

        public InvalidField(String field, String message) {
            super(message);
            this.field = Objects.requireNonNull(field, "field");
        }

        public String field() {
            return field;
        }
    }

    /** The operator password is missing or wrong. */
    public static final class BadCredentials extends TokenRefused {
        private static final long serialVersionUID = 1L;

        public BadCredentials(String message) {
            super(message);
        }
    }
}
