package io.ridemesh.dispatch.offer.messaging;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ridemesh.kit.security.PlatformTokens;
import io.ridemesh.kit.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Objects;

/**
 * Mints the HS256 JWT dispatch-service presents to order-service: {@code sub} = {@code dispatch-service},
 * {@code role} = {@code service}, valid for {@code lifetime}. A token is reused until half its lifetime has passed.
 * Thread-safe: the cached token is replaced atomically under the instance lock.
 */
public final class ServiceTokens {

    /** The subject of service tokens. */
    public static final String SUBJECT = "dispatch-service";

    private final MACSigner signer;
    private final InstantSource clock;
    private final Duration lifetime;
    private String token = "";
    private Instant renewAt = Instant.MIN;

    /**
     * @param key the shared HMAC-SHA256 key, at least 32 bytes (RFC 7518 section 3.2)
     */
    public ServiceTokens(byte[] key, InstantSource clock, Duration lifetime) {
        try {
            this.signer = new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("JWT key must be >= 32 bytes, but was " + key.length + " bytes", e);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /** A valid bearer token. */
    public synchronized String current() {
        Instant now = clock.instant();
        if (now.isBefore(renewAt)) {
            return token;
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(SUBJECT)
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
