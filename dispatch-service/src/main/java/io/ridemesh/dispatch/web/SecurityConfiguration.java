package io.ridemesh.dispatch.web;

import io.ridemesh.dispatch.DispatchProperties;
import io.ridemesh.kit.problem.servlet.SecurityProblemHandler;
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
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what. Callers authenticate with a JWT (HS256, key {@code dispatch.jwt-secret}, shared with the other
 * services) whose {@code sub} is the user id and whose {@code role} is {@code rider}, {@code driver},
 * {@code operator} or {@code service}; tokens without both, with another role, or expired, get 401.
 *
 * <pre>
 * /v1/drivers/me/**, /v1/offers/**                  driver (the driver is the token's sub)
 * /actuator/health, /actuator/info                 anyone; tokens are ignored there
 * other /actuator endpoints                        operator
 * </pre>
 *
 * <p>401 and 403 bodies are problem details from the kit's {@link SecurityProblemHandler}. Stateless: no session,
 * no CSRF.
 */
@Configuration(proxyBeanMethods = false)
@Import(SecurityProblemHandler.class)
public class SecurityConfiguration {

    private static final List<String> ROLES = List.of("rider", "driver", "operator", "service");

    @Bean
    @Order(1)
    SecurityFilterChain open(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/health", "/actuator/health/**", "/actuator/info")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(routes -> routes.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            bearer.commence(request, response, e); // the WWW-Authenticate challenge (RFC 6750)
            resolver.resolveException(request, response, null, e);
        };
        AccessDeniedHandler forbidden = (request, response, e) -> resolver.resolveException(request, response, null, e);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(routes -> routes.requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/v1/drivers/me/**", "/v1/offers/**")
                        .hasRole("driver")
                        .requestMatchers(HttpMethod.GET, "/actuator/**")
                        .hasRole("operator")
                        .anyRequest()
                        .denyAll())
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
    JwtDecoder jwtDecoder(DispatchProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(properties.jwtKey(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        OAuth2TokenValidator<Jwt> subject = new JwtClaimValidator<String>(
                JwtClaimNames.SUB,
                sub -> sub != null
                        && !sub.isEmpty()
                        && sub.length() <= 64
                        && sub.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)));
        OAuth2TokenValidator<Jwt> role = new JwtClaimValidator<Object>(Callers.ROLE_CLAIM, ROLES::contains);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), subject, role));
        return decoder;
    }

    private static JwtAuthenticationConverter roleAuthorities() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Callers.ROLE_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
