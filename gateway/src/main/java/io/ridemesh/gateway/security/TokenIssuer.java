package io.ridemesh.gateway.security;

import io.ridemesh.kit.security.PlatformTokens;
import io.ridemesh.kit.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Issues the tokens of the <b>local</b> token endpoint: HS256 JWTs with the shared key, claims {@code sub},
 * {@code role}, {@code iat}, {@code exp} and {@code iss} ({@code ridemesh-gateway-<region>}), accepted by every
 * service. Rider and driver tokens for any subject; operator tokens only with the operator password; no service
 * tokens. For the playground and tests only: a production deployment has an identity provider instead.
 *
 * <p>Thread-safe. Errors: {@link TokenRefused}.
 */
public final class TokenIssuer {

    /** Longest accepted subject, as the services accept. */
    static final int MAX_SUBJECT_LENGTH = PlatformTokens.MAX_SUBJECT_LENGTH;

    private final JwtEncoder encoder;
    private final InstantSource clock;
    private final Duration ttl;
    private final String issuer;
    private final byte @Nullable [] operatorPassword;

    /**
     * @param operatorPassword null disables operator tokens
     */
    public TokenIssuer(
            JwtEncoder encoder, InstantSource clock, Duration ttl, String issuer, @Nullable String operatorPassword) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.operatorPassword = operatorPassword == null ? null : operatorPassword.getBytes(StandardCharsets.UTF_8);
    }

    /** An issued token. */
    public record Token(String token, String sub, Role role, Instant issuedAt, Instant expiresAt) {}

    /**
     * @throws TokenRefused.InvalidField if {@code sub} or {@code role} is missing or invalid
     * @throws TokenRefused.BadCredentials if an operator token is asked without the right password
     */
    public Token issue(@Nullable String sub, @Nullable String role, @Nullable String password) {
        if (sub == null
                || sub.isEmpty()
                || sub.length() > MAX_SUBJECT_LENGTH
                || sub.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new TokenRefused.InvalidField(
                    "sub",
                    "sub must be 1.." + MAX_SUBJECT_LENGTH + " characters without spaces, but was "
                            + (sub == null ? "absent" : "'" + sub + "'"));
        }
        Role r = role == null ? null : Role.ofClaim(role).orElse(null);
        if (r == null || r == Role.SERVICE) {
            throw new TokenRefused.InvalidField(
                    "role",
                    "role must be rider, driver or operator, but was " + (role == null ? "absent" : "'" + role + "'"));
        }
        if (r == Role.OPERATOR) {
            if (operatorPassword == null) {
                throw new TokenRefused.BadCredentials(
                        "operator tokens are disabled: RIDEMESH_OPERATOR_PASSWORD is not set for this gateway");
            }
            byte[] given = password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given, operatorPassword)) {
                throw new TokenRefused.BadCredentials(
                        "operator password is " + (password == null ? "missing" : "wrong"));
            }
        }
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(sub)
                .claim(PlatformTokens.ROLE_CLAIM, r.claim())
                .issuer(issuer)
                .issuedAt(now)
                .expiresAt(expires)
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Token(value, sub, r, now, expires);
    }
}
