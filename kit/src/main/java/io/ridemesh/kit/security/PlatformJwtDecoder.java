package io.ridemesh.kit.security;

import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Picks the decoder of a token by {@link PlatformTokens#claimedIssuer}: HS256 to the platform key's, ES256 to its
 * issuer's. The chosen decoder verifies everything. Thread-safe (immutable over thread-safe
 * decoders).
 */
final class PlatformJwtDecoder implements JwtDecoder {

    private final JwtDecoder platform;
    private final Map<String, JwtDecoder> byIssuer;

    PlatformJwtDecoder(JwtDecoder platform, Map<String, JwtDecoder> byIssuer) {
        this.platform = platform;
        this.byIssuer = Map.copyOf(byIssuer);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Optional<String> issuer = PlatformTokens.claimedIssuer(token);
        if (issuer.isEmpty()) {
            return platform.decode(token);
        }
        JwtDecoder decoder = byIssuer.get(issuer.get());
        if (decoder == null) {
            throw new BadJwtException("the issuer is not trusted: " + issuer.get());
        }
        return decoder.decode(token);
    }
}
