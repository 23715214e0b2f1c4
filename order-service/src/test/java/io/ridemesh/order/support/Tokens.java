package io.ridemesh.order.support;

import com.nimbusds.jwt.JWTClaimsSet;
import io.ridemesh.testsupport.TestTokens;
import java.time.Duration;

/** Access tokens as a region's identity-service issues them: test-support's, of the test issuer order-service trusts. */
public final class Tokens {

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
        return TestTokens.of(role, subject, Duration.ofHours(1));
    }

    /** The claims of {@link #token} for an hour, to change before {@link #sign}. */
    public static JWTClaimsSet.Builder claims(String subject, String role) {
        return TestTokens.claims(role, subject, Duration.ofHours(1));
    }

    /** Signs arbitrary claims with the test issuer's key. */
    public static String sign(JWTClaimsSet claims) {
        return TestTokens.sign(claims);
    }

    /** {@code Authorization} header value. */
    public static String bearer(String token) {
        return TestTokens.bearer(token);
    }
}
