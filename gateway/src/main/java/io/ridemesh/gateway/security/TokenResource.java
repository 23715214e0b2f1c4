package io.ridemesh.gateway.security;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /auth/token {sub, role, password?}}: the <b>local</b> token endpoint, for the playground, the demo and
 * the console's login only. Answers {@code 200 {token, tokenType, sub, role, issuedAt, expiresAt, expiresInSeconds}}.
 * Thread-safe.
 */
@RestController
class TokenResource {

    private final TokenIssuer issuer;

    TokenResource(TokenIssuer issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    record TokenRequest(
            @Nullable String sub,
            @Nullable String role,
            @Nullable String password) {}

    record TokenResponse(
            String token,
            String tokenType,
            String sub,
            String role,
            long issuedAtMs,
            long expiresAtMs,
            long expiresInSeconds) {}

    @PostMapping(
            path = "/auth/token",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse token(@RequestBody TokenRequest request) {
        TokenIssuer.Token t = issuer.issue(request.sub(), request.role(), request.password());
        return new TokenResponse(
                t.token(),
                "Bearer",
                t.sub(),
                t.role().claim(),
                t.issuedAt().toEpochMilli(),
                t.expiresAt().toEpochMilli(),
                t.expiresAt().getEpochSecond() - t.issuedAt().getEpochSecond());
    }
}
