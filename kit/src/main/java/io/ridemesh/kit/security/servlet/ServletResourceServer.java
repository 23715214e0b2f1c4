package io.ridemesh.kit.security.servlet;

import io.ridemesh.kit.security.PlatformTokens;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The security chains every servlet service builds the same way. A service adds only its route rules. Stateless:
 * no session, no CSRF (no cookies); 401 and 403 go through the {@code HandlerExceptionResolver} to the kit's
 * {@code SecurityProblemHandler}, which writes the problem and the RFC 6750 challenge. Stateless; thread-safe.
 */
public final class ServletResourceServer {

    private ServletResourceServer() {}

    /**
     * A chain for {@code paths} that lets everyone in and ignores any {@code Authorization} header, so a probe with a
     * stale token still sees health.
     */
    public static SecurityFilterChain openChain(HttpSecurity http, String... paths) throws Exception {
        http.securityMatcher(paths)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(routes -> routes.anyRequest().permitAll());
        return http.build();
    }

    /**
     * Makes {@code http} a stateless resource server of platform tokens ({@link PlatformTokens}; the service's
     * {@code JwtDecoder} bean decodes them) whose 401 and 403 are answered by {@code resolver}. The caller then adds
     * its {@code authorizeHttpRequests} rules and builds the chain.
     */
    public static HttpSecurity statelessJwt(HttpSecurity http, HandlerExceptionResolver resolver) throws Exception {
        AuthenticationEntryPoint unauthorized =
                (request, response, e) -> resolver.resolveException(request, response, null, e);
        AccessDeniedHandler forbidden = (request, response, e) -> resolver.resolveException(request, response, null, e);
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(PlatformTokens.authenticationConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
    }
}
