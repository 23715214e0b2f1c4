package io.ridemesh.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * ES256 tokens this service has verified and validated, by their exact text, until they expire (at most {@code
 * MAX_AGE}): an app presents the same access token for its whole life (an hour in the playground), and checking an
 * ES256 signature costs about 1.2 ms of CPU on a 2-core test machine (Nimbus {@code ECDSAVerifier}, JDK P-256,
 * measured: 1,173-1,673 us per verification against 5-54 us for HS256), paid at the gateway and again at the service
 * on every call. The same idea as Envoy's {@code jwt_cache_config}. Only a token that passed every check is kept, and
 * only its exact text finds it; {@code exp} is checked again on every hit. Thread-safe.
 */
public final class VerifiedTokens {

    /** The longest a verified token is reused without verifying it again. */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    /** Tokens kept: the apps of a region, with room (about 1 KB each). */
    static final long MAX_TOKENS = 100_000;

    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /** A cache on the system clock, one per decoder (a service's, or the gateway's). */
    public static VerifiedTokens forService() {
        return new VerifiedTokens(Clock.systemUTC());
    }

    VerifiedTokens(Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt)))
                .build();
    }

    /** The token as verified before, if it was and has not expired since; null otherwise. */
    public @Nullable Jwt get(String token) {
        Jwt jwt = verified.getIfPresent(token);
        if (jwt == null) {
            return null;
        }
        Instant expires = jwt.getExpiresAt();
        if (expires == null || !clock.instant().isBefore(expires)) {
            verified.invalidate(token);
            return null;
        }
        return jwt;
    }

    /** Keeps a token that passed every check (signature, issuer, audience, expiry, subject, role). */
    public void put(String token, Jwt jwt) {
        verified.put(token, jwt);
    }

    private Duration lifetime(Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expires);
        return left.isNegative() ? Duration.ZERO : (left.compareTo(MAX_AGE) > 0 ? MAX_AGE : left);
    }
}
