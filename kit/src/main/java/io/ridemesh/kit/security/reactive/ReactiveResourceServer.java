package io.ridemesh.kit.security.reactive;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.reactive.ReactiveProblemWriter;
import io.ridemesh.kit.security.IssuerKeys;
import io.ridemesh.kit.security.PlatformTokens;
import io.ridemesh.kit.security.TrustedIssuer;
import io.ridemesh.kit.security.VerifiedTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The security chains of a reactive (WebFlux) service, the same rules as {@code ServletResourceServer}: stateless (no
 * session, request cache, CSRF, basic or form login), platform tokens ({@link PlatformTokens}), 401 with the
 * {@code Bearer} challenge and 403 as problems. A service adds only its route rules. Stateless; thread-safe.
 */
public final class ReactiveResourceServer {

    private ReactiveResourceServer() {}

    /**
     * A reactive service's decoder, as {@link PlatformTokens#jwtDecoder(List)} for the servlet services: ES256 or RS256
     * tokens of the trusted {@code issuers} (their keys from {@link IssuerKeys}; issuer, audience and the platform's
     * validators checked; a token that passed is not verified again in this JVM until it expires, {@link
     * VerifiedTokens}).
     * Thread-safe.
     *
     * @throws IllegalArgumentException if {@code issuers} is empty
     */
    public static ReactiveJwtDecoder jwtDecoder(List<TrustedIssuer> issuers) {
        PlatformTokens.requireIssuers(issuers);
        IssuerKeys keys = new IssuerKeys(issuers);
        VerifiedTokens verified = VerifiedTokens.shared();
        Map<String, TrustedIssuer> trustedIssuers = new HashMap<>();
        issuers.forEach(trusted -> trustedIssuers.put(trusted.issuer().toString(), trusted));
        // one decoder per issuer and algorithm: the reactive builder verifies a single algorithm
        Map<String, ReactiveJwtDecoder> byIssuerAndAlgorithm = new HashMap<>();
        for (TrustedIssuer trusted : issuers) {
            String issuer = trusted.issuer().toString();
            for (JWSAlgorithm algorithm : PlatformTokens.ISSUER_ALGORITHMS) {
                // the keys come from IssuerKeys' cache (a fetch only for an unknown kid, rate-limited, on this thread)
                NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> {
                            try {
                                return Flux.fromIterable(
                                        keys.select(issuer, new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()))));
                            } catch (KeySourceException e) {
                                return Flux.error(e);
                            }
                        })
                        .jwsAlgorithm(SignatureAlgorithm.from(algorithm.getName()))
                        .build();
                decoder.setJwtValidator(PlatformTokens.issuerValidator(trusted));
                byIssuerAndAlgorithm.put(issuer + " " + algorithm.getName(), decoder);
            }
        }
        Predicate<TrustedIssuer> trusts =
                t -> t.equals(trustedIssuers.get(t.issuer().toString()));
        return token -> {
            // a token verified before is found by its text: no parse (and only under an issuer trusted here)
            Jwt cached = verified.get(trusts, token);
            if (cached != null) {
                return Mono.just(cached);
            }
            PlatformTokens.Claimed claimed;
            try {
                claimed = PlatformTokens.claimed(token);
            } catch (BadJwtException e) {
                return Mono.error(e);
            }
            String issuer = claimed.issuer();
            TrustedIssuer trusted = trustedIssuers.get(issuer);
            if (trusted == null) {
                return Mono.error(new BadJwtException("the issuer is not trusted: " + issuer));
            }
            ReactiveJwtDecoder decoder =
                    byIssuerAndAlgorithm.get(issuer + " " + claimed.algorithm().getName());
            return decoder.decode(token)
                    .doOnNext(jwt -> verified.put(trusted, token, jwt))
                    // anything but a bad token is the key source's failure (a rate-limited fetch for a made-up kid,
                    // an issuer never reached), which Spring passes on as IllegalStateException("Could not obtain
                    // the keys"): a 401 like the servlet decoder's, never a 500
                    .onErrorMap(e -> !(e instanceof BadJwtException), PlatformTokens::keyNotAvailable);
        };
    }

    /** A chain for {@code paths} that lets everyone in and ignores any {@code Authorization} header. */
    public static SecurityWebFilterChain openChain(ServerHttpSecurity http, String... paths) {
        return stateless(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(paths)))
                .authorizeExchange(routes -> routes.anyExchange().permitAll())
                .build();
    }

    /**
     * Makes {@code http} a stateless resource server of platform tokens decoded by {@code decoder}, answering 401 and
     * 403 with problems written by {@code problems}. The caller then adds its {@code authorizeExchange} rules and
     * builds the chain.
     */
    public static ServerHttpSecurity statelessJwt(
            ServerHttpSecurity http, ReactiveJwtDecoder decoder, ReactiveProblemWriter problems) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(
                    exchange,
                    ProblemType.UNAUTHORIZED,
                    "a valid bearer token is required: " + e.getMessage(),
                    Map.of());
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> problems.write(
                exchange,
                ProblemType.FORBIDDEN,
                "the token's role may not call " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value(),
                Map.of());
        return stateless(http)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(
                                        PlatformTokens.authenticationConverter())))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
    }

    private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }
}
