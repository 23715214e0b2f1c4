package io.ridemesh.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.ridemesh.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class PlatformTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);

    private final JwtDecoder decoder = PlatformTokens.jwtDecoder(KEY);

    @Test
    void acceptsATokenWithASubjectAKnownRoleAndATimeLeft() {
        Jwt jwt = decoder.decode(token(KEY, c -> c.subject("rider-1").claim("role", "rider")));

        assertThat(PlatformTokens.roleOf(jwt)).isEqualTo(Role.RIDER);
        assertThat(PlatformTokens.authenticationConverter().convert(jwt).getAuthorities())
                .extracting(Object::toString)
                .contains("ROLE_rider");
    }

    @Test
    void refusesAnUnknownRoleABadSubjectAnExpiredTokenAndAnotherKey() {
        assertThatThrownBy(() -> decoder.decode(token(KEY, c -> c.subject("x").claim("role", "admin"))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token(KEY, c -> c.subject("a b").claim("role", "rider"))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() ->
                        decoder.decode(token(KEY, c -> c.subject("x".repeat(65)).claim("role", "rider"))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token(KEY, c -> c.subject("x")
                        .claim("role", "rider")
                        .issuedAt(Instant.now().minusSeconds(7200))
                        .expiresAt(Instant.now().minusSeconds(3600)))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() ->
                        decoder.decode(token(OTHER_KEY, c -> c.subject("x").claim("role", "rider"))))
                .hasMessageContaining("signature");
    }

    @Test
    void refusesATokenWithoutExpiry() {
        // a valid signature and no exp would otherwise be accepted forever
        assertThatThrownBy(() -> decoder.decode(
                        token(KEY, c -> c.subject("x").claim("role", "rider").claims(claims -> claims.remove("exp")))))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void theTestSupportTokensAreWhatThePlatformAccepts() {
        // test-support depends on no ridemesh module and spells the role claim itself: this keeps the two the same
        assertThat(TestTokens.ROLE_CLAIM).isEqualTo(PlatformTokens.ROLE_CLAIM);
        String hex = java.util.HexFormat.of().formatHex(KEY);
        Jwt jwt = decoder.decode(TestTokens.of(hex, Role.DRIVER.claim(), "d-1"));
        assertThat(PlatformTokens.roleOf(jwt)).isEqualTo(Role.DRIVER);
        assertThatThrownBy(() -> decoder.decode(TestTokens.of(hex, "driver", "d-1", java.time.Duration.ofMinutes(-10))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void rolesAreSpelledOneWay() {
        assertThat(Role.ofClaim("driver")).contains(Role.DRIVER);
        assertThat(Role.ofClaim("DRIVER")).isEmpty();
        assertThat(Role.SERVICE.claim()).isEqualTo("service");
        assertThatThrownBy(() -> PlatformTokens.key(new byte[16])).hasMessageContaining(">= 32 bytes");
    }

    private static String token(byte[] key, Consumer<JwtClaimsSet.Builder> claims) {
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600));
        claims.accept(builder);
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(PlatformTokens.key(key)));
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), builder.build()))
                .getTokenValue();
    }
}
