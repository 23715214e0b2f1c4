package io.ridemesh.gateway.support;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** JWTs for tests, signed like the platform's (HS256 with the test secret). */
public final class Tokens {

    /** 32 bytes of hex: the test deployment's JWT secret. */
    public static final String SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private Tokens() {}

    public static String of(String role, String sub) {
        return sign(SECRET, role, sub, Duration.ofMinutes(10));
    }

    public static String expired(String role, String sub) {
        return sign(SECRET, role, sub, Duration.ofMinutes(-10));
    }

    public static String signedWith(String hexSecret, String role, String sub) {
        return sign(hexSecret, role, sub, Duration.ofMinutes(10));
    }

    private static String sign(String hexSecret, String role, String sub, Duration ttl) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(
                new ImmutableSecret<>(new SecretKeySpec(HexFormat.of().parseHex(hexSecret), "HmacSHA256")));
        Instant now = Instant.now();
        Instant expires = now.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(sub)
                .claim("role", role)
                .issuedAt(expires.isBefore(now) ? expires.minusSeconds(60) : now)
                .expiresAt(expires)
                .build();
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
