package io.ridemesh.order.web;

import io.ridemesh.kit.problem.servlet.SecurityProblemHandler;
import io.ridemesh.order.OrderProperties;
import io.ridemesh.order.ride.application.Role;
import java.util.Arrays;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what. Callers authenticate with a JWT (HS256, key {@code order.jwt-secret}) whose {@code sub} is the
 * user id and whose {@code role} is {@code rider}, {@code driver}, {@code operator} or {@code service}; tokens without
 * both, with another role, or expired, are rejected (401). Stateless: no session, no CSRF (no cookies).
 *
 * <p>Route roles (403 otherwise); which rides a caller may see within a route is the use cases' business (404):
 *
 * <pre>
 * POST /v1/rides                                   rider
 * GET  /v1/rides, /v1/rides/{id}                   rider, driver, operator, service
 * POST /v1/rides/{id}/cancel                       rider, driver (a driver releases the ride)
 * POST /v1/rides/{id}/accept|arrive|start|complete|rider-no-show    driver
 * POST /v1/rides/{id}/assign|no-driver             service
 * /actuator/health, /actuator/info, /v3/api-docs   anyone; tokens are ignored there
 * other /actuator endpoints                        operator
 * </pre>
 *
 * <p>401 and 403 bodies are problem details from the kit's {@link SecurityProblemHandler}, which also writes the RFC
 * 6750 {@code WWW-Authenticate} challenge.
 */
@Configuration(proxyBeanMethods = false)
@Import(SecurityProblemHandler.class)
public class SecurityConfiguration {

    private static final String[] OPEN_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    /**
     * Health, info and the API description: open, and any {@code Authorization} header is ignored, so a probe with a
     * stale token still sees the service's health.
     */
    @Bean
    @Order(1)
    SecurityFilterChain open(HttpSecurity http) throws Exception {
        http.securityMatcher(OPEN_PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(routes -> routes.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        AuthenticationEntryPoint unauthorized =
                (request, response, e) -> resolver.resolveException(request, response, null, e);
        AccessDeniedHandler forbidden = (request, response, e) -> resolver.resolveException(request, response, null, e);
        String rider = Role.RIDER.claim();
        String driver = Role.DRIVER.claim();
        String operator = Role.OPERATOR.claim();
        String service = Role.SERVICE.claim();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(routes -> routes.requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/v1/rides")
                        .hasRole(rider)
                        .requestMatchers(HttpMethod.GET, "/v1/rides", "/v1/rides/*")
                        .hasAnyRole(rider, driver, operator, service)
                        .requestMatchers(HttpMethod.POST, "/v1/rides/*/cancel")
                        .hasAnyRole(rider, driver)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/v1/rides/*/accept",
                                "/v1/rides/*/arrive",
                                "/v1/rides/*/start",
                                "/v1/rides/*/complete",
                                "/v1/rides/*/rider-no-show")
                        .hasRole(driver)
                        .requestMatchers(HttpMethod.POST, "/v1/rides/*/assign", "/v1/rides/*/no-driver")
                        .hasRole(service)
                        .requestMatchers("/actuator/**")
                        .hasRole(operator)
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleAuthorities()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
        return http.build();
    }

    /** HS256 only; a token must carry a usable {@code sub} and a known {@code role}, and not be expired. */
    @Bean
    JwtDecoder jwtDecoder(OrderProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(properties.jwtKey(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        List<String> roles = Arrays.stream(Role.values()).map(Role::claim).toList();
        OAuth2TokenValidator<Jwt> subject = new JwtClaimValidator<String>(
                JwtClaimNames.SUB,
                sub -> sub != null
                        && !sub.isEmpty()
                        && sub.length() <= 64
                        && sub.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)));
        OAuth2TokenValidator<Jwt> role = new JwtClaimValidator<Object>(Actors.ROLE_CLAIM, roles::contains);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), subject, role));
        return decoder;
    }

    private static JwtAuthenticationConverter roleAuthorities() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Actors.ROLE_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
