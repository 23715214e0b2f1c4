package io.ridemesh.identity.account.domain;

import io.ridemesh.kit.problem.InvalidRequest;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be, after NIST SP 800-63B section 5.1.1.2 (memorized secrets): at least {@code minLength}
 * characters (counted as Unicode code points), at most {@code maxLength}, not a password from the short list of the
 * most common ones, and not the login or its local part. No composition rules (the guideline advises against them).
 * Thread-safe (immutable).
 */
public final class PasswordRules {

    /** The most common passwords of at least 10 characters in public breach corpora (lower-case). */
    private static final Set<String> COMMON = Set.of(
            "1234567890",
            "12345678910",
            "123456789a",
            "0123456789",
            "1q2w3e4r5t",
            "qwertyuiop",
            "1qaz2wsx3edc",
            "password12",
            "password123",
            "password1234",
            "iloveyou12",
            "qwerty1234",
            "qwerty12345",
            "1234qwerty",
            "abcdefghij",
            "football123",
            "basketball",
            "letmein123",
            "princess12",
            "welcome123",
            "passw0rd12",
            "changeme123",
            "administrator");

    private final int minLength;
    private final int maxLength;

    /**
     * @param minLength fewest characters, at least 8
     * @param maxLength most characters
     */
    public PasswordRules(int minLength, int maxLength) {
        if (minLength < 8 || maxLength < minLength) {
            throw new IllegalArgumentException(
                    "password lengths need 8 <= min <= max, but were " + minLength + ".." + maxLength);
        }
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /**
     * Checks {@code password} for {@code login}.
     *
     * @throws InvalidRequest naming the field {@code password} and the rule broken
     */
    public void check(String password, String login) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            throw InvalidRequest.of("password", "must have at least " + minLength + " characters, but had " + length);
        }
        if (length > maxLength) {
            throw InvalidRequest.of("password", "must have at most " + maxLength + " characters, but had " + length);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw InvalidRequest.of("password", "is one of the most common passwords");
        }
        int at = login.indexOf('@');
        String localPart = at > 0 ? login.substring(0, at) : login;
        if (lower.equals(login) || lower.equals(localPart)) {
            throw InvalidRequest.of("password", "must not be the login");
        }
    }
}
