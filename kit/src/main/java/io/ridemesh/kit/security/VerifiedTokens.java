package io.ridemesh.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens verified and validated in this JVM, by their exact text (with the trusted issuer they were verified under), until they expire (at most {@code
 * MAX_AGE}): an app presents the same access token for its whole life (an hour in the playground), and checking an
 * ES256 signature costs about 1.2 ms of CPU on a 2-core test machine (Nimbus {@code ECDSAVerifier}, JDK P-256,
 * measured: 1,173-1,673 us per verification against 5-54 us for HS256), paid at the gateway and again at the service
 * on every call. The same idea as Envoy's {@code jwt_cache_config}. Only a token that passed every check is kept, and
 * only its exact text under the same {@link TrustedIssuer} (issuer and JWK set URI) finds it; {@code exp} is checked
 * again on every hit.
 *
 * <p>One cache per JVM ({@link #shared()}): the contexts of a region node (gateway, order, dispatch, pricing) verify a
 * rider's token once between them instead of once each. Sound because every decoder of the platform applies the same
 * checks ({@link PlatformTokens#issuerValidator}) to a token of the same trusted issuer, and a decoder consults the
 * cache only for an issuer it trusts itself. A rider of the demo calls the platform about twice (a quote, a ride
 * request), so a per-context cache verified most riders' tokens three times: the JFR profile of a region node under
 * {@code ./platform demo} had 11% of its samples in ECDSA verification. Thread-safe.
 */
public final class VerifiedTokens {

    /** The longest a verified token is reused without verifying it again. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    /** Tokens kept: the apps of a region, with room (about 1 KB each). */
    static final long MAX_TOKENS = 100_000;

    private static final VerifiedTokens SHARED = new VerifiedTokens(Clock.systemUTC());

    private final Clock clock;
    private final Cache<String, Verified> verified;

    /** The JVM's cache, on the system clock, shared by every decoder of the platform in this JVM. */
    public static VerifiedTokens shared() {
        return SHARED;
    }

    VerifiedTokens(Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.<String, Verified>creating((token, v) -> lifetime(v.jwt())))
                .build();
    }

    /**
     * The token of {@code issuer} as verified before, if it was and has not expired since; null otherwise.
     *
     * @param issuer the trusted issuer the token names, as the asking decoder trusts it (its JWK set URI included)
     * @param token the token's exact text
     */
    public @Nullable Jwt get(TrustedIssuer issuer, String token) {
        return get(issuer::equals, token);
    }

    /**
     * The token as verified before, if it was, under a trusted issuer that {@code trusts} accepts, and has not expired
     * since; null otherwise. Found by the token's text alone, so a decoder need not parse the token to learn its issuer
     * first (a JWT parse, base64 and JSON, on every call: 2% of a gateway's samples under {@code ./platform bench
     * calls}).
     *
     * @param trusts whether the asking decoder trusts the issuer (issuer and JWK set URI) the token was verified under
     * @param token the token's exact text
     */
    public @Nullable Jwt get(Predicate<TrustedIssuer> trusts, String token) {
        Verified v = verified.getIfPresent(token);
        if (v == null || !trusts.test(v.issuer())) {
            return null;
        }
        Instant expires = v.jwt().getExpiresAt();
        if (expires == null || !clock.instant().isBefore(expires)) {
            verified.invalidate(token);
            return null;
        }
        return v.jwt();
    }

    /**
     * Keeps a token of {@code issuer} that passed every check (signature by a key of the issuer's JWK set, issuer,
     * audience, expiry, subject, role). A token kept before under another trusted issuer (the same {@code iss} with
     * another JWK set URI, in another context) is replaced.
     */
    public void put(TrustedIssuer issuer, String token, Jwt jwt) {
        verified.put(token, new Verified(issuer, jwt));
    }

    /** A cache entry, by the token's text: the trusted issuer (issuer and JWK set URI) it was verified under. */
    private record Verified(TrustedIssuer issuer, Jwt jwt) {}

    private Duration lifetime(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : (left.compareTo(MAX_AGE) > 0 ? MAX_AGE : left);
    }
}
