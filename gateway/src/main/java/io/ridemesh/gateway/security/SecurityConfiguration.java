package io.ridemesh.gateway.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.ridemesh.gateway.GatewayProperties;
import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.reactive.ReactiveProblemWriter;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what through this gateway. Callers authenticate with the platform's JWT (HS256, key
 * {@code gateway.jwt-secret}; {@code sub} = user id, {@code role} = rider|driver|operator|service; expired or other
 * tokens are 401). The token is forwarded to the service unchanged, and the service checks it again (defence in
 * depth: the gateway's roles are the coarse route-level check, the service decides which rides a caller may see).
 * Stateless: no session, no CSRF (no cookies).
 *
 * <pre>
 * POST /v1/quotes                                           rider
 * POST /v1/rides                                            rider
 * GET  /v1/rides, /v1/rides/{id}                            rider, driver, operator, service
 * POST /v1/rides/{id}/cancel                                rider, driver
 * POST /v1/rides/{id}/accept|arrive|start|complete|rider-no-show   driver
 * POST /v1/rides/{id}/assign|no-driver                      service
 * /v1/drivers/**, /v1/offers/**                             driver
 * /ops/**                                                   operator
 * other /v1/**                                              any valid token (then 404)
 * /actuator/health/**, /actuator/info                       anyone; tokens are ignored
 * other /actuator/**                                        operator
 * POST /auth/token, /console/**                             anyone (the console's data comes from /ops/**)
 * </pre>
 *
 * 401 and 403 are problem bodies (with the RFC 6750 {@code WWW-Authenticate} challenge on 401).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String ROLE_CLAIM = "role";

    private static final String[] OPEN_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/auth/token",
        "/console",
        "/console/**",
        "/favicon.ico"
    };

    /**
     * Health, info, the token endpoint and the console's static files: open, and any {@code Authorization} header is
     * ignored, so a probe or a login with a stale token still works.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain openPaths(ServerHttpSecurity http) {
        http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(OPEN_PATHS))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(routes -> routes.anyExchange().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http, ReactiveJwtDecoder decoder, ReactiveProblemWriter problems) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return problems.write(
                    exchange,
                    ProblemType.UNAUTHORIZED,
                    "a valid bearer token is required: " + e.getMessage(),
                    java.util.Map.of());
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> problems.write(
                exchange,
                ProblemType.FORBIDDEN,
                "the token's role may not call " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value(),
                java.util.Map.of());
        // authorities are ROLE_<claim>, e.g. ROLE_rider
        String rider = Role.RIDER.claim();
        String driver = Role.DRIVER.claim();
        String operator = Role.OPERATOR.claim();
        String service = Role.SERVICE.claim();
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(
                        org.springframework.security.web.server.savedrequest.NoOpServerRequestCache.getInstance()))
                .securityContextRepository(
                        org.springframework.security.web.server.context.NoOpServerSecurityContextRepository
                                .getInstance())
                .authorizeExchange(
                        routes -> routes.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                                .permitAll()
                                .pathMatchers(HttpMethod.POST, "/auth/token")
                                .permitAll()
                                .pathMatchers("/console", "/console/**", "/favicon.ico")
                                .permitAll()
                                .pathMatchers("/ops/**", "/actuator/**")
                                .hasRole(operator)
                                .pathMatchers(HttpMethod.POST, "/v1/quotes")
                                .hasRole(rider)
                                .pathMatchers(HttpMethod.POST, "/v1/rides")
                                .hasRole(rider)
                                .pathMatchers(HttpMethod.GET, "/v1/rides", "/v1/rides/*")
                                .hasAnyRole(rider, driver, operator, service)
                                .pathMatchers(HttpMethod.POST, "/v1/rides/*/cancel")
                                .hasAnyRole(rider, driver)
                                .pathMatchers(
                                        HttpMethod.POST,
                                        "/v1/rides/*/accept",
                                        "/v1/rides/*/arrive",
                                        "/v1/rides/*/start",
                                        "/v1/rides/*/complete",
                                        "/v1/rides/*/rider-no-show")
                                .hasRole(driver)
                                .pathMatchers(HttpMethod.POST, "/v1/rides/*/assign", "/v1/rides/*/no-driver")
                                .hasRole(service)
                                .pathMatchers("/v1/drivers/**", "/v1/offers/**")
                                .hasRole(driver)
                                .pathMatchers("/v1/**")
                                .authenticated()
                                .anyExchange()
                                .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(roleAuthorities()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /** HS256 only; a token must carry a usable {@code sub} and a known {@code role}, and not be expired. */
    @Bean
    ReactiveJwtDecoder reactiveJwtDecoder(GatewayProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key(properties))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        List<String> roles = Arrays.stream(Role.values()).map(Role::claim).toList();
        OAuth2TokenValidator<Jwt> subject = new JwtClaimValidator<String>(
                JwtClaimNames.SUB,
                sub -> sub != null
                        && !sub.isEmpty()
                        && sub.length() <= TokenIssuer.MAX_SUBJECT_LENGTH
                        && sub.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)));
        OAuth2TokenValidator<Jwt> role = new JwtClaimValidator<Object>(ROLE_CLAIM, roles::contains);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), subject, role));
        return decoder;
    }

    @Bean
    TokenIssuer tokenIssuer(GatewayProperties properties, InstantSource clock) {
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key(properties)));
        return new TokenIssuer(
                encoder,
                clock,
                properties.auth().tokenTtl(),
                "ridemesh-gateway-" + properties.regionName(),
                properties.operatorPassword());
    }

    private static SecretKey key(GatewayProperties properties) {
        return new SecretKeySpec(properties.jwtKey(), "HmacSHA256");
    }

    private static ReactiveJwtAuthenticationConverterAdapter roleAuthorities() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLE_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
