package io.ridemesh.testsupport;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Access tokens for tests, as a region's identity-service issues them: ES256, signed by the {@link TestIssuer} (which
 * every service under test trusts), {@code iss} the issuer, {@code aud} {@value #AUDIENCE}, the role in {@value
 * #ROLE_CLAIM}. This module depends on no ridemesh module (common's tests use it too), so the claims' names are
 * written here once more; the kit's {@code PlatformTokensTest} decodes these tokens with the platform's decoder, which
 * keeps the two the same. Stateless; thread-safe.
 */
public final class TestTokens {

    /** The platform token's role claim (the kit's {@code PlatformTokens.ROLE_CLAIM}). */
    public static final String ROLE_CLAIM = "role";
    /** The audience of the platform's access tokens (the kit's {@code PlatformTokens.AUDIENCE}). */
    public static final String AUDIENCE = "ridemesh";

    private static final ECKey UNTRUSTED_KEY = TestIssuer.newKey(TestIssuer.KEY_ID);

    private TestTokens() {}

    /** A token with the role claim {@code roleClaim} (e.g. {@code rider}) for {@code sub}, valid for ten minutes. */
    public static String of(String roleClaim, String sub) {
        return of(roleClaim, sub, Duration.ofMinutes(10));
    }

    /**
     * A token with any role claim (also an unknown one) for {@code sub}, valid for {@code ttl} from now; a negative
     * ttl gives a token that expired that long ago (issued a minute before it expired).
     */
    public static String of(String roleClaim, String sub, Duration ttl) {
        return sign(claims(roleClaim, sub, ttl).build());
    }

    /**
     * The claims of {@link #of(String, String, Duration)}, to change before {@link #sign}: {@code iss}, {@code aud},
     * {@code sub}, the role, {@code iat} and {@code exp}.
     */
    public static JWTClaimsSet.Builder claims(String roleClaim, String sub, Duration ttl) {
        Instant now = Instant.now();
        Instant expires = now.plus(ttl);
        return new JWTClaimsSet.Builder()
                .issuer(TestIssuer.shared().issuer())
                .audience(AUDIENCE)
                .subject(sub)
                .claim(ROLE_CLAIM, roleClaim)
                .issueTime(Date.from(expires.isBefore(now) ? expires.minusSeconds(60) : now))
                .expirationTime(Date.from(expires));
    }

    /** Signs arbitrary claims with the test issuer's key (ES256). */
    public static String sign(JWTClaimsSet claims) {
        return TestIssuer.shared().sign(claims);
    }

    /**
     * A token that claims the test issuer and its key id but is signed with another key: its signature does not
     * verify.
     */
    public static String withUntrustedKey(String roleClaim, String sub) {
        return TestIssuer.sign(claims(roleClaim, sub, Duration.ofMinutes(10)).build(), UNTRUSTED_KEY);
    }

    /** The {@code Authorization} header value for {@code token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
