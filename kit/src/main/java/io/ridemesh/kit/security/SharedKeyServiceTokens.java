package io.ridemesh.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Objects;

/**
 * Service-to-service credentials without an authorization server: mints the HS256 platform token ({@link
 * PlatformTokens}) a service presents to another one, {@code sub} = the calling service's name, {@link PlatformTokens#ROLE_CLAIM} = {@link Role#SERVICE}, valid for
 * {@code lifetime}. A token is reused until half its lifetime has passed. Thread-safe: the cached token is replaced
 * atomically under the instance lock.
 *
 * <p>What a service falls back to when it has no client at an authorization server ({@link ServiceTokens#forService});
 * it goes with the shared HS256 key.
 */
public final class SharedKeyServiceTokens implements ServiceTokens {

    private final String subject;
    private final MACSigner signer;
    private final InstantSource clock;
    private final Duration lifetime;
    private String token = "";
    private Instant renewAt = Instant.MIN;

    /**
     * @param subject the calling service, e.g. {@code dispatch-service}: the token's {@code sub}
     * @param key the shared HMAC-SHA256 key, at least 32 bytes (RFC 7518 section 3.2)
     * @param lifetime how long a token is valid, positive
     * @throws IllegalArgumentException if the key is shorter than 32 bytes
     */
    public SharedKeyServiceTokens(String subject, byte[] key, InstantSource clock, Duration lifetime) {
        this.subject = Objects.requireNonNull(subject, "subject");
        try {
            this.signer = new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("JWT key must be >= 32 bytes, but was " + key.length + " bytes", e);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    @Override
    public synchronized String current() {
        Instant now = clock.instant();
        if (now.isBefore(renewAt)) {
            return token;
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .claim(PlatformTokens.ROLE_CLAIM, Role.SERVICE.claim())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the service JWT", e);
        }
        token = jwt.serialize();
        renewAt = now.plus(lifetime.dividedBy(2));
        return token;
    }
}
