package io.ridemesh.infra.client;

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
 * Mints HS256 JWTs ({@code sub}, {@code role}, {@code exp}) with the playground's key, as the
 * local identity provider for benchmarks and the demo. Thread-safe.
 */
public final class Tokens {

    private final MACSigner signer;

    /** @param hexKey the playground's JWT key (hex, at least 32 bytes) */
    public Tokens(String hexKey) {
        try {
            this.signer = new MACSigner(HexFormat.of().parseHex(hexKey));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("JWT key must be at least 32 bytes: " + e.getMessage(), e);
        }
    }

    /** A token for {@code subject} in {@code role} (rider, driver, operator, service), valid for {@code ttl}. */
    public String mint(String subject, String role, Duration ttl) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("role", role)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(ttl)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
        return jwt.serialize();
    }
}
