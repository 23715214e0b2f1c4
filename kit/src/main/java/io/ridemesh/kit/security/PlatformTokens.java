package io.ridemesh.kit.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * What a valid platform token is, for every service: a JWT signed ES256 or RS256 ({@link #ISSUER_ALGORITHMS}) by a
 * trusted issuer (a region's identity-service, or another OpenID provider; {@link TrustedIssuer}) with a key of its
 * published JWK set, naming that issuer in {@code iss} and the audience {@value #AUDIENCE}, whose {@code sub} is 1 to
 * {@value #MAX_SUBJECT_LENGTH} characters without whitespace or control characters, whose {@link #ROLE_CLAIM} is a
 * {@link Role}'s claim, and which has an {@code exp} and has not expired (Spring Security's default validators:
 * {@code exp}, {@code nbf}, 60 s of clock skew). There is no shared symmetric key: a service can verify tokens but
 * mint none. Its role becomes the authority {@code ROLE_<claim>}. Stateless; thread-safe.
 */
public final class PlatformTokens {

    /** The claim carrying the caller's {@link Role}. */
    public static final String ROLE_CLAIM = "role";
    /** The longest {@code sub} (user id) a token may carry. */
    public static final int MAX_SUBJECT_LENGTH = 64;
    /** Spring Security's prefix of role authorities. */
    public static final String AUTHORITY_PREFIX = "ROLE_";
    /** The audience of the access tokens the regions' authorization servers issue for the platform's services. */
    public static final String AUDIENCE = "ridemesh";
    /**
     * The signatures a trusted issuer's tokens may carry: ES256 (the regions' identity-services) and RS256 (what most
     * other OpenID providers sign with: Keycloak's, Auth0's and Cognito's default). Asymmetric only; the key must be
     * in the issuer's JWK set and of the algorithm's type.
     */
    public static final Set<JWSAlgorithm> ISSUER_ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private PlatformTokens() {}

    /** The validators every service applies: an {@code exp} and not expired, a usable {@code sub}, a known role. */
    public static OAuth2TokenValidator<Jwt> validator() {
        List<String> roles = Arrays.stream(Role.values()).map(Role::claim).toList();
        OAuth2TokenValidator<Jwt> subject = new JwtClaimValidator<String>(JwtClaimNames.SUB, PlatformTokens::usable);
        OAuth2TokenValidator<Jwt> role = new JwtClaimValidator<Object>(ROLE_CLAIM, roles::contains);
        // the default validators check exp only when present: a token without one would be valid forever
        OAuth2TokenValidator<Jwt> expires = new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull);
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), subject, role, expires);
    }

    /**
     * A servlet service's decoder: ES256 or RS256 tokens ({@link #ISSUER_ALGORITHMS}) of the {@code issuers} (the
     * regions' authorization servers, or another OpenID provider), chosen by the token's {@code iss}. A token must name
     * a trusted issuer, be signed by a key of that issuer's JWK set ({@link IssuerKeys}: fetched at once, refreshed in
     * the background, kept through the issuer's outage; an unknown {@code kid} makes it fetch the set again, so a
     * rotated key is found), carry the audience {@link #AUDIENCE}, and pass {@link #validator()}. Any other token is a
     * {@code BadJwtException} (401). A token that passed is not verified again in this JVM until it expires ({@link
     * VerifiedTokens}, at most 10 min). Thread-safe.
     *
     * @throws IllegalArgumentException if {@code issuers} is empty: a service that trusts nobody would refuse every
     *     call
     */
    public static JwtDecoder jwtDecoder(List<TrustedIssuer> issuers) {
        requireIssuers(issuers);
        IssuerKeys keys = new IssuerKeys(issuers);
        Map<String, PlatformJwtDecoder.IssuerDecoder> byIssuer = new HashMap<>();
        for (TrustedIssuer trusted : issuers) {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                    ISSUER_ALGORITHMS, keys.source(trusted.issuer().toString())));
            processor.setJWSTypeVerifier(ACCESS_TOKEN_TYPES);
            processor.setJWTClaimsSetVerifier((claims, context) -> {}); // the validators below check the claims
            NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
            decoder.setJwtValidator(issuerValidator(trusted));
            byIssuer.put(trusted.issuer().toString(), new PlatformJwtDecoder.IssuerDecoder(trusted, decoder));
        }
        return new PlatformJwtDecoder(byIssuer, VerifiedTokens.shared());
    }

    /**
     * Checks that a service trusts at least one issuer.
     *
     * @throws IllegalArgumentException if {@code issuers} is empty
     */
    public static void requireIssuers(List<TrustedIssuer> issuers) {
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException("no trusted issuer: set the service's accept-tokens-from"
                    + " (RIDEMESH_TRUSTED_ISSUERS: '<issuer> <jwk set uri>[,...]')");
        }
    }

    /**
     * A token of a trusted issuer whose key cannot be had: its issuer's key set was never fetched and its region does
     * not answer, or a token with an unknown {@code kid} came while fetches are rate-limited (a flood of made-up key
     * ids). Refused as a bad token (401), not as a server error: the request cannot be authenticated, and hostile
     * input never gets a 5xx.
     *
     * @param failure the decoder's error (a {@code JwtException} that is not a {@code BadJwtException}, or the key
     *     source's {@code KeySourceException})
     */
    public static BadJwtException keyNotAvailable(Throwable failure) {
        return new BadJwtException(
                "no key of the token's issuer can be had to verify it: " + failure.getMessage(), failure);
    }

    /** The {@code typ} an access token may have: none, {@code JWT}, or {@code at+jwt} (RFC 9068). */
    static final DefaultJOSEObjectTypeVerifier<SecurityContext> ACCESS_TOKEN_TYPES =
            new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null);

    /**
     * What a token claims about its signature, read without verifying anything (only to choose the decoder that then
     * verifies it).
     *
     * @param algorithm its header's {@code alg}: one of {@link #ISSUER_ALGORITHMS}
     * @param issuer its {@code iss}
     */
    public record Claimed(JWSAlgorithm algorithm, String issuer) {}

    /**
     * Reads {@link Claimed} from a token, parsing it once.
     *
     * @throws BadJwtException if it is not a signed JWT, uses another algorithm (HS256 too: there is no shared key), or
     *     names no issuer
     */
    public static Claimed claimed(String token) {
        SignedJWT signed;
        try {
            if (!(JWTParser.parse(token) instanceof SignedJWT s)) {
                throw new BadJwtException("the token is not signed");
            }
            signed = s;
        } catch (ParseException e) {
            throw new BadJwtException("not a JWT: " + e.getMessage(), e);
        }
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!ISSUER_ALGORITHMS.contains(algorithm)) {
            throw new BadJwtException("the algorithm is not accepted: " + algorithm);
        }
        String issuer;
        try {
            issuer = signed.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("unreadable claims: " + e.getMessage(), e);
        }
        if (issuer == null) {
            throw new BadJwtException("a token signed " + algorithm + " must name its issuer");
        }
        return new Claimed(algorithm, issuer);
    }

    /** The validators of an issuer's tokens: {@link #validator()}, that {@code iss}, the audience. */
    public static OAuth2TokenValidator<Jwt> issuerValidator(TrustedIssuer trusted) {
        return new DelegatingOAuth2TokenValidator<>(
                validator(),
                new JwtIssuerValidator(trusted.issuer().toString()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(AUDIENCE)));
    }

    /** Turns a validated token into an authentication whose authority is {@code ROLE_<role claim>}. */
    public static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLE_CLAIM);
        authorities.setAuthorityPrefix(AUTHORITY_PREFIX);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /** The role of a validated token ({@link #validator()} guarantees one). */
    public static Role roleOf(Jwt jwt) {
        String claim = jwt.getClaimAsString(ROLE_CLAIM);
        if (claim == null) {
            throw new IllegalStateException("validated JWT must have a " + ROLE_CLAIM + " claim");
        }
        return Role.ofClaim(claim)
                .orElseThrow(() -> new IllegalStateException("validated JWT has unknown role '" + claim + "'"));
    }

    private static boolean usable(String sub) {
        return sub != null
                && !sub.isEmpty()
                && sub.length() <= MAX_SUBJECT_LENGTH
                && sub.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }
}
