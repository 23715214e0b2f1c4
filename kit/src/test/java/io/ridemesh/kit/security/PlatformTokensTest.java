package io.ridemesh.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import io.ridemesh.testsupport.TestIssuer;
import io.ridemesh.testsupport.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** {@link PlatformTokens}' rules on the tokens of test-support's issuer, which every service's tests use. */
class PlatformTokensTest {

    private final JwtDecoder decoder = PlatformTokens.jwtDecoder(List.of(new TrustedIssuer(
            URI.create(TestIssuer.shared().issuer()),
            URI.create(TestIssuer.shared().jwkSetUri()))));

    @Test
    void acceptsATokenWithASubjectAKnownRoleAndATimeLeft() {
        Jwt jwt = decoder.decode(token(c -> c.subject("rider-1").claim("role", "rider")));

        assertThat(PlatformTokens.roleOf(jwt)).isEqualTo(Role.RIDER);
        assertThat(PlatformTokens.authenticationConverter().convert(jwt).getAuthorities())
                .extracting(Object::toString)
                .contains("ROLE_rider");
    }

    @Test
    void refusesAnUnknownRoleABadSubjectAnExpiredTokenAndAnotherKey() {
        assertThatThrownBy(() -> decoder.decode(token(c -> c.subject("x").claim("role", "admin"))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token(c -> c.subject("a b"))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token(c -> c.subject("x".repeat(65)))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.of("rider", "x", Duration.ofHours(-1))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(TestTokens.withUntrustedKey("rider", "x")))
                .hasMessageContaining("signature");
    }

    @Test
    void refusesATokenWithoutExpiry() {
        // a valid signature and no exp would otherwise be accepted forever
        assertThatThrownBy(() -> decoder.decode(token(c -> c.expirationTime(null))))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void theTestSupportTokensAreWhatThePlatformAccepts() {
        // test-support depends on no ridemesh module and spells the claims itself: this keeps the two the same
        assertThat(TestTokens.ROLE_CLAIM).isEqualTo(PlatformTokens.ROLE_CLAIM);
        assertThat(TestTokens.AUDIENCE).isEqualTo(PlatformTokens.AUDIENCE);
        Jwt jwt = decoder.decode(TestTokens.of(Role.DRIVER.claim(), "d-1"));
        assertThat(PlatformTokens.roleOf(jwt)).isEqualTo(Role.DRIVER);
        assertThat(jwt.getIssuer().toString()).isEqualTo(TestIssuer.shared().issuer());
    }

    @Test
    void rolesAreSpelledOneWay() {
        assertThat(Role.ofClaim("driver")).contains(Role.DRIVER);
        assertThat(Role.ofClaim("DRIVER")).isEmpty();
        assertThat(Role.SERVICE.claim()).isEqualTo("service");
    }

    /** A valid rider's token for {@code r-1} with {@code change} applied. */
    private static String token(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = TestTokens.claims("rider", "r-1", Duration.ofMinutes(10));
        change.accept(claims);
        return TestTokens.sign(claims.build());
    }
}
