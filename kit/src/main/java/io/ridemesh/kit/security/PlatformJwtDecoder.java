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

    /** A trusted issuer and the decoder of its tokens. */
    record IssuerDecoder(TrustedIssuer trusted, JwtDecoder decoder) {}

    private final Map<String, IssuerDecoder> byIssuer;
    private final VerifiedTokens verified;

    /**
     * @param byIssuer each trusted issuer and its decoder, by its {@code iss}
     * @param verified tokens verified before
     */
    PlatformJwtDecoder(Map<String, IssuerDecoder> byIssuer, VerifiedTokens verified) {
        this.byIssuer = Map.copyOf(byIssuer);
        this.verified = verified;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        // a token verified before is found by its text: no parse (and only under an issuer trusted here)
        Jwt cached = verified.get(this::trusts, token);
        if (cached != null) {
            return cached;
        }
        String issuer = PlatformTokens.claimed(token).issuer();
        IssuerDecoder of = byIssuer.get(issuer);
        if (of == null) {
            throw new BadJwtException("the issuer is not trusted: " + issuer);
        }
        try {
            Jwt jwt = of.decoder().decode(token);
            verified.put(of.trusted(), token, jwt);
            return jwt;
        } catch (BadJwtException bad) {
            throw bad;
        } catch (JwtException e) {
            throw PlatformTokens.keyNotAvailable(e);
        }
    }

    /** Whether this decoder trusts {@code trusted}: the same issuer with the same JWK set URI. */
    private boolean trusts(TrustedIssuer trusted) {
        IssuerDecoder of = byIssuer.get(trusted.issuer().toString());
        return of != null && of.trusted().equals(trusted);
    }
}
