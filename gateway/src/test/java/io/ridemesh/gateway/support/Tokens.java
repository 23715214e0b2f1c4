package io.ridemesh.gateway.support;

import io.ridemesh.testsupport.TestTokens;
import java.time.Duration;

/** Access tokens for the gateway's tests: test-support's {@link TestTokens}, of the test issuer it trusts. */
public final class Tokens {

    private Tokens() {}

    public static String of(String role, String sub) {
        return TestTokens.of(role, sub);
    }

    public static String expired(String role, String sub) {
        return TestTokens.of(role, sub, Duration.ofMinutes(-10));
    }

    /** A token naming the trusted issuer and its key id, signed with another key. */
    public static String signedWithAnotherKey(String role, String sub) {
        return TestTokens.withUntrustedKey(role, sub);
    }
}
