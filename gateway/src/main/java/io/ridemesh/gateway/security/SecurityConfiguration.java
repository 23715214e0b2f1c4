package io.ridemesh.gateway.security;

import io.ridemesh.gateway.GatewayProperties;
import io.ridemesh.kit.problem.reactive.ReactiveProblemWriter;
import io.ridemesh.kit.security.NoSecurityObservations;
import io.ridemesh.kit.security.Role;
import io.ridemesh.kit.security.reactive.ReactiveResourceServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Who may call what through this gateway. Callers authenticate with an access token of a trusted issuer (ES256, a
 * region's identity-service, {@code gateway.accept-tokens-from}; {@code sub} = user id, {@code role} =
 * rider|driver|operator|service; expired or other tokens are 401). The token is forwarded to the service unchanged, and the service checks it again (defence in
 * depth: the gateway's roles are the coarse route-level check, the service decides which rides a caller may see).
 * Stateless: no session, no CSRF (no cookies).
 *
 * <pre>
 * POST /v1/quotes                                           rider
 * POST /v1/rides                                            rider
 * GET  /v1/rides, /v1/rides/{id}                            rider, driver, operator, service
 * POST /v1/rides/{id}/cancel                                rider, driver
 * POST /v1/rides/{id}/arrive|start|complete|rider-no-show          driver
 * POST /v1/rides/{id}/accept                                nobody: a ride is taken only through dispatch's offer
 *                                                           (POST /v1/offers/{id}/accept, which ends in /assign)
 * POST /v1/rides/{id}/assign|no-driver                      service
 * /v1/drivers/**, /v1/offers/**                             driver
 * /ops/**                                                   operator
 * other /v1/**                                              any valid token (then 404)
 * /actuator/health/**, /actuator/info                       anyone; tokens are ignored
 * other /actuator/**                                        operator
 * /console/**                                              anyone (static files; the console's data comes from /ops/**
 *                                                           with the token of an operator who signed in at
 *                                                           identity-service)
 * POST /v1/accounts                                         anyone (a rider's sign-up, to identity-service)
 * GET|DELETE /v1/accounts/me                                any valid token (identity-service: its own account)
 * /oauth2/**, /login, /logout, /userinfo, /.well-known/...  anyone; identity-service authenticates clients and users
 * </pre>
 *
 * Tokens: every region's identity-service's ES256 tokens ({@code gateway.accept-tokens-from}).
 *
 * 401 and 403 are problem bodies (with the RFC 6750 {@code WWW-Authenticate} challenge on 401).
 */
@Configuration(proxyBeanMethods = false)
@Import(NoSecurityObservations.class)
public class SecurityConfiguration {

    private static final String[] OPEN_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/console",
        "/console/**",
        "/favicon.ico",
        // identity-service's authorization server and sign-in page: it checks its clients and users itself
        "/oauth2/**",
        "/.well-known/openid-configuration",
        "/.well-known/oauth-authorization-server",
        "/login",
        "/logout",
        "/userinfo",
        "/default-ui.css"
    };

    /**
     * Health, info, the console's static files and identity-service's sign-in: open, and any {@code Authorization}
     * header is ignored, so a probe or a sign-in with a stale token still works.
     */
    @Bean
    @Order(1)
    SecurityWebFilterChain openPaths(ServerHttpSecurity http) {
        return ReactiveResourceServer.openChain(http, OPEN_PATHS);
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http, ReactiveJwtDecoder decoder, ReactiveProblemWriter problems) {
        // authorities are ROLE_<claim>, e.g. ROLE_rider
        String rider = Role.RIDER.claim();
        String driver = Role.DRIVER.claim();
        String operator = Role.OPERATOR.claim();
        String service = Role.SERVICE.claim();
        ReactiveResourceServer.statelessJwt(http, decoder, problems).authorizeExchange(routes -> routes.pathMatchers(
                        "/actuator/health", "/actuator/health/**", "/actuator/info")
                .permitAll()
                // a rider's sign-up (identity-service checks an operator's token for other roles)
                .pathMatchers(HttpMethod.POST, "/v1/accounts")
                .permitAll()
                .pathMatchers("/console", "/console/**", "/favicon.ico")
                .permitAll()
                // dispatch-service follows the unit homes here (its takeover of a unit after a failover)
                .pathMatchers(HttpMethod.GET, "/ops/units")
                .hasAnyRole(operator, service)
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
                // order-service's direct accept bypassed dispatch's offer and driver lock; the route is closed
                .pathMatchers(HttpMethod.POST, "/v1/rides/*/accept")
                .denyAll()
                .pathMatchers(
                        HttpMethod.POST,
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
                .permitAll());
        return http.build();
    }

    /** The platform's token rules ({@code PlatformTokens}) for every region's authorization server's tokens. */
    @Bean
    ReactiveJwtDecoder reactiveJwtDecoder(GatewayProperties properties) {
        return ReactiveResourceServer.jwtDecoder(properties.trustedIssuers());
    }
}
