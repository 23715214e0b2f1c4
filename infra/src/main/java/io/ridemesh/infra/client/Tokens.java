package io.ridemesh.infra.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Access tokens signed with a region's authorization-server key, as its identity-service signs them (ES256, its
 * {@code kid}, {@code iss} the region's issuer, {@code aud ridemesh}, {@code sub}, {@code role}, {@code iat}, {@code
 * exp}): for the operator tools that hold the playground's keys ({@code ./platform bench ...}, the chaos run) and
 * measure calls, not sign-ins. Apps and the demo sign in ({@link AppSignIn}). Thread-safe.
 */
public final class Tokens {

    /** The audience of the platform's access tokens (the kit's {@code PlatformTokens.AUDIENCE}). */
    public static final String AUDIENCE = "ridemesh";

    private final ECKey key;
    private final String issuer;
    private final ECDSASigner signer;

    /**
     * @param key a private EC P-256 key published in the issuer's JWK set
     * @param issuer the issuer's {@code iss}, e.g. {@code http://127.0.0.1:21050}
     */
    public Tokens(ECKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not a private P-256 key: " + key.getKeyID(), e);
        }
    }

    /**
     * The tokens of the issuer whose private keys are in {@code keyFile} (a region's JWK set, as the launcher keeps it):
     * signed with a key that is published at {@code now} and for at least an hour after (its {@code nbf} has come and
     * its {@code exp} is not near), so the services accept it.
     *
     * @throws IllegalStateException if the file cannot be read or holds no such key
     */
    public static Tokens ofKeyFile(Path keyFile, String issuer, Instant now) {
        JWKSet set;
        try {
            set = JWKSet.load(keyFile.toFile());
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read the signing keys " + keyFile + ": " + e.getMessage(), e);
        }
        for (JWK jwk : set.getKeys()) {
            boolean started = jwk.getNotBeforeTime() == null
                    || !jwk.getNotBeforeTime().toInstant().isAfter(now);
            boolean lasting = jwk.getExpirationTime() == null
                    || jwk.getExpirationTime().toInstant().isAfter(now.plus(Duration.ofHours(1)));
            if (jwk instanceof ECKey ec && ec.isPrivate() && started && lasting) {
                return new Tokens(ec, issuer);
            }
        }
        throw new IllegalStateException("no private EC key of " + keyFile + " is published now and for an hour");
    }

    /** A token for {@code subject} in {@code role} (rider, driver, operator, service), valid for {@code ttl}. */
    public String mint(String subject, String role, Duration ttl) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("role", role)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        return sign(claims);
    }

    /** Signs {@code claims} as they are, with this issuer's key (for tests of what services refuse). */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
        return jwt.serialize();
    }
}
