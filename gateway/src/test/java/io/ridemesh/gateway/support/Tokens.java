package io.ridemesh.gateway.support;

import io.ridemesh.testsupport.TestTokens;
import java.time.Duration;

/** JWTs for the gateway's tests: test-support's {@link TestTokens} with the gateway's test secret. */
public final class Tokens {

    /** 32 bytes of hex: the test deployment's JWT secret. */
    public static final String SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private Tokens() {}

    public static String of(String role, String sub) {
        return TestTokens.of(SECRET, role, sub);
    }

    public static String expired(String role, String sub) {
        return TestTokens.of(SECRET, role, sub, Duration.ofMinutes(-10));
    }

    public static String signedWith(String hexSecret, String role, String sub) {
        return TestTokens.of(hexSecret, role, sub);
    }
}
