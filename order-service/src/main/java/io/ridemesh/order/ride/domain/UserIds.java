package io.ridemesh.order.ride.domain;

/** Shared validation of user ids (the JWT {@code sub} of riders and drivers). */
final class UserIds {

    static final int MAX_LENGTH = 64;

    private UserIds() {}

    static void validate(String kind, String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    kind + " must be 1.." + MAX_LENGTH + " characters, but was " + value.length() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i)) || Character.isWhitespace(value.charAt(i))) {
                throw new IllegalArgumentException(
                        kind + " must not contain whitespace or control characters, but was '" + value + "'");
            }
        }
    }
}
