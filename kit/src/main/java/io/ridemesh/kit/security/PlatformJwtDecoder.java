package io.ridemesh.kit.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Picks the decoder of a token by its header's {@code alg}: HS256 to the platform key's, ES256 to its (unverified,
 * only used to choose) {@code iss}'s. The chosen decoder verifies everything. Thread-safe (immutable over thread-safe
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
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new BadJwtException("not a JWT: " + e.getMessage(), e);
        }
        if (!(parsed instanceof SignedJWT signed)) {
            throw new BadJwtException("the token is not signed");
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            return platform.decode(token);
        }
        if (JWSAlgorithm.ES256.equals(algorithm)) {
            String issuer;
            try {
                issuer = signed.getJWTClaimsSet().getIssuer();
            } catch (ParseException e) {
                throw new BadJwtException("unreadable claims: " + e.getMessage(), e);
            }
            JwtDecoder decoder = issuer == null ? null : byIssuer.get(issuer);
            if (decoder == null) {
                throw new BadJwtException("the issuer is not trusted: " + issuer);
            }
            return decoder.decode(token);
        }
        throw new BadJwtException("the algorithm is not accepted: " + algorithm);
    }
}
