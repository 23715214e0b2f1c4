package io.ridemesh.kit.security.servlet;

import io.ridemesh.kit.security.PlatformTokens;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The security chains every servlet service builds the same way. A service adds only its route rules
 * ({@link #routeChain}). Stateless:
 * no session, no CSRF (no cookies); 401 and 403 go through the {@code HandlerExceptionResolver} to the kit's
 * {@code SecurityProblemHandler}, which writes the problem and the RFC 6750 challenge. Stateless; thread-safe.
 */
public final class ServletResourceServer {

    /** The servlet container's error page, answered by the kit's {@code ProblemErrorController}. */
    public static final String ERROR_PATH = "/error";

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
     * A service's route chain: {@code http} made a stateless resource server of platform tokens ({@link
     * PlatformTokens}; the service's {@code JwtDecoder} bean decodes them) whose 401 and 403 are answered by {@code
     * resolver}, the container's error page ({@code /error}, the kit's problem pages) open so that a refusal can be
     * written, then the service's {@code routes} (which end with its {@code anyRequest()} rule), built.
     */
    public static SecurityFilterChain routeChain(
            HttpSecurity http,
            HandlerExceptionResolver resolver,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> routes)
            throws Exception {
        AuthenticationEntryPoint unauthorized =
                (request, response, e) -> resolver.resolveException(request, response, null, e);
        AccessDeniedHandler forbidden = (request, response, e) -> resolver.resolveException(request, response, null, e);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(PlatformTokens.authenticationConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(ERROR_PATH).permitAll();
                    routes.customize(rules);
                });
        return http.build();
    }
}
