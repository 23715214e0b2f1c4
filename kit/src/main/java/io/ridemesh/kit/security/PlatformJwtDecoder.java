package io.ridemesh.kit.security;

import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Picks the decoder of a token by the issuer it claims ({@link PlatformTokens#claimed}). The chosen decoder verifies everything; a token whose key cannot be had is refused like a bad one ({@link
 * PlatformTokens#keyNotAvailable}); an ES256 token verified before is not verified again until it expires ({@link
 * VerifiedTokens}). Thread-safe (immutable over thread-safe
 * decoders).
 */
final class PlatformJwtDecoder implements JwtDecoder {

    private final Map<String, JwtDecoder> byIssuer;
    private final Map<String, TrustedIssuer> trusted;
    private final VerifiedTokens verified;

    /**
     * @param byIssuer the decoder of each trusted issuer, by its {@code iss}
     * @param trusted the trusted issuers, by their {@code iss} (the same keys)
     * @param verified tokens verified before
     */
    PlatformJwtDecoder(Map<String, JwtDecoder> byIssuer, Map<String, TrustedIssuer> trusted, VerifiedTokens verified) {
        this.byIssuer = Map.copyOf(byIssuer);
        this.trusted = Map.copyOf(trusted);
        this.verified = verified;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String issuer = PlatformTokens.claimed(token).issuer();
        JwtDecoder decoder = byIssuer.get(issuer);
        if (decoder == null) {
            throw new BadJwtException("the issuer is not trusted: " + issuer);
        }
        TrustedIssuer of = trusted.get(issuer);
        Jwt known = verified.get(of, token);
        if (known != null) {
            return known;
        }
        try {
            Jwt jwt = decoder.decode(token);
            verified.put(of, token, jwt);
            return jwt;
        } catch (BadJwtException bad) {
            throw bad;
        } catch (JwtException e) {
            throw PlatformTokens.keyNotAvailable(e);
        }
    }
}
