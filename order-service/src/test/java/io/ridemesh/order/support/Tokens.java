package io.ridemesh.order.support;

import com.nimbusds.jwt.JWTClaimsSet;
import io.ridemesh.testsupport.TestTokens;
import java.time.Duration;

/** Mints HS256 JWTs the way the gateway does, with the test key of application-test.yml. */
public final class Tokens {

    /** Same as {@code order.jwt-secret} in application-test.yml. */
    public static final String JWT_SECRET_HEX =
            "6a77742d746573742d6b65792d6f6e6c792d666f722d6f726465722d736572766963652d74657374732d303031";

    private Tokens() {}

    public static String rider(String id) {
        return token(id, "rider");
    }

    public static String driver(String id) {
        return token(id, "driver");
    }

    public static String operator(String id) {
        return token(id, "operator");
    }

    public static String service(String id) {
        return token(id, "service");
    }

    /** A token valid for an hour. */
    public static String token(String subject, String role) {
        return TestTokens.of(JWT_SECRET_HEX, role, subject, Duration.ofHours(1));
    }

    /** Signs arbitrary claims with a hex key. */
    public static String sign(JWTClaimsSet claims, String keyHex) {
        return TestTokens.sign(claims, keyHex);
    }

    /** {@code Authorization} header value. */
    public static String bearer(String token) {
        return TestTokens.bearer(token);
    }
}
