package io.ridemesh.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * Platform tokens for tests, signed as the platform signs them (HS256, the role in {@value #ROLE_CLAIM}), with a key
 * given as hex (the tests' {@code *.jwt-secret}). This module depends on no ridemesh module (common's tests use it
 * too), so the claim's name is written here once more; the kit's {@code PlatformTokensTest} decodes these tokens with
 * the platform's decoder, which keeps the two the same. Stateless; thread-safe.
 */
public final class TestTokens {

    /** The platform token's role claim (the kit's {@code PlatformTokens.ROLE_CLAIM}). */
    public static final String ROLE_CLAIM = "role";

    private TestTokens() {}

    /** A token with the role claim {@code roleClaim} (e.g. {@code rider}) for {@code sub}, valid for ten minutes. */
    public static String of(String hexKey, String roleClaim, String sub) {
        return of(hexKey, roleClaim, sub, Duration.ofMinutes(10));
    }

    /**
     * A token with any role claim (also an unknown one) for {@code sub}, valid for {@code ttl} from now; a negative
     * ttl gives a token that expired that long ago (issued a minute before it expired).
     */
    public static String of(String hexKey, String roleClaim, String sub, Duration ttl) {
        Instant now = Instant.now();
        Instant expires = now.plus(ttl);
        return sign(
                new JWTClaimsSet.Builder()
                        .subject(sub)
                        .claim(ROLE_CLAIM, roleClaim)
                        .issueTime(Date.from(expires.isBefore(now) ? expires.minusSeconds(60) : now))
                        .expirationTime(Date.from(expires))
                        .build(),
                hexKey);
    }

    /** Signs arbitrary claims (HS256) with a hex key. */
    public static String sign(JWTClaimsSet claims, String hexKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(HexFormat.of().parseHex(hexKey)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    /** The {@code Authorization} header value for {@code token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
