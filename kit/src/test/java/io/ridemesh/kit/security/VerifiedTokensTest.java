package io.ridemesh.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified token is found by its exact text until it expires, and never after. */
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

    @Test
    void findsATokenByItsExactTextUntilItExpires() {
        VerifiedTokens verified = new VerifiedTokens(clock);
        verified.put("a.b.c", jwt(now.plusSeconds(60)));

        assertThat(verified.get("a.b.c")).isNotNull();
        assertThat(verified.get("a.b.d")).as("another text").isNull();
        now = now.plus(Duration.ofSeconds(60));
        assertThat(verified.get("a.b.c")).as("expired").isNull();
    }
}
