package io.ridemesh.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A verified token is found by its exact text under the same trusted issuer until it expires, and never after; one
 * cache serves the whole JVM.
 */
class VerifiedTokensTest {

    private Instant now = Instant.parse("2026-12-07T03:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private Jwt jwt(Instant expires) {
        return Jwt.withTokenValue("t")
                .header("alg", "ES256")
                .subject("4711")
                .issuedAt(now)
                .expiresAt(expires)
                .build();
    }

    private final TrustedIssuer regionA =
            new TrustedIssuer(URI.create("http://127.0.0.1:21050"), URI.create("http://127.0.0.1:21050/oauth2/jwks"));

    @Test
    void findsATokenByItsExactTextUntilItExpires() {
        VerifiedTokens verified = new VerifiedTokens(clock);
        verified.put(regionA, "a.b.c", jwt(now.plusSeconds(60)));

        assertThat(verified.get(regionA, "a.b.c")).isNotNull();
        assertThat(verified.get(regionA, "a.b.d")).as("another text").isNull();
        now = now.plus(Duration.ofSeconds(60));
        assertThat(verified.get(regionA, "a.b.c")).as("expired").isNull();
    }

    @Test
    void aTokenIsFoundOnlyUnderTheIssuerAndKeysItWasVerifiedWith() {
        VerifiedTokens verified = new VerifiedTokens(clock);
        verified.put(regionA, "a.b.c", jwt(now.plusSeconds(60)));

        TrustedIssuer otherKeys = new TrustedIssuer(regionA.issuer(), URI.create("http://127.0.0.1:9999/oauth2/jwks"));
        TrustedIssuer otherIssuer = new TrustedIssuer(
                URI.create("http://127.0.0.1:22050"), URI.create("http://127.0.0.1:22050/oauth2/jwks"));
        assertThat(verified.get(otherKeys, "a.b.c"))
                .as("same issuer, another JWK set")
                .isNull();
        assertThat(verified.get(otherIssuer, "a.b.c")).as("another issuer").isNull();
        assertThat(verified.get(new TrustedIssuer(regionA.issuer(), regionA.jwkSetUri()), "a.b.c"))
                .as("an equal trust setting of another context")
                .isNotNull();
    }

    @Test
    void aTokenIsFoundByItsTextOnlyWhenTheAskerTrustsItsIssuer() {
        VerifiedTokens verified = new VerifiedTokens(clock);
        verified.put(regionA, "a.b.c", jwt(now.plusSeconds(60)));

        assertThat(verified.get(t -> t.equals(regionA), "a.b.c")).isNotNull();
        assertThat(verified.get(t -> false, "a.b.c"))
                .as("an asker that trusts no such issuer")
                .isNull();
        assertThat(verified.get(t -> true, "a.b.d")).as("another text").isNull();
        now = now.plus(Duration.ofSeconds(60));
        assertThat(verified.get(t -> true, "a.b.c")).as("expired").isNull();
    }

    @Test
    void theContextsOfAJvmShareOneCache() {
        assertThat(VerifiedTokens.shared()).isSameAs(VerifiedTokens.shared());
    }
}
