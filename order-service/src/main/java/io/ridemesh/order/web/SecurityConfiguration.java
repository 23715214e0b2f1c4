package io.ridemesh.order.web;

import io.ridemesh.kit.problem.servlet.SecurityProblemHandler;
import io.ridemesh.kit.security.Role;
import io.ridemesh.kit.security.servlet.ServletResourceServer;
import io.ridemesh.kit.security.servlet.ServletServiceSecurity;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what. Callers authenticate with an access token of a trusted issuer ({@code order.accept-tokens-from},
 * {@code PlatformTokens}) whose {@code sub} is the user id and whose {@code role} is {@code rider}, {@code driver}, {@code operator} or {@code service}; tokens without
 * both, with another role, or expired, are rejected (401). Stateless: no session, no CSRF (no cookies).
 *
 * <p>Route roles (403 otherwise); which rides a caller may see within a route is the use cases' business (404):
 *
 * <pre>
 * POST /v1/rides                                   rider
 * GET  /v1/rides, /v1/rides/{id}                   rider, driver, operator, service
 * POST /v1/rides/{id}/cancel                       rider, driver (a driver releases the ride)
 * POST /v1/rides/{id}/arrive|start|complete|rider-no-show    driver
 * POST /v1/rides/{id}/assign|no-driver             service
 * GET  /v1/units/{unit}/waiting-rides             service, operator
 * /actuator/health, /actuator/info, /v3/api-docs   anyone; tokens are ignored there
 * other /actuator endpoints                        operator
 * </pre>
 *
 * <p>A driver cannot take a ride here: a ride is taken only through dispatch-service's offer (which holds the driver's
 * lock, so one driver never holds two rides), and the offer ends in {@code POST /v1/rides/{id}/assign} (role
 * {@code service}). Other routes need any valid token and are 404 if they do not exist.
 *
 * <p>401 and 403 bodies are problem details from the kit's {@link SecurityProblemHandler}, which also writes the RFC
 * 6750 {@code WWW-Authenticate} challenge.
 */
@Configuration(proxyBeanMethods = false)
@Import(ServletServiceSecurity.class)
public class SecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        String rider = Role.RIDER.claim();
        String driver = Role.DRIVER.claim();
        String operator = Role.OPERATOR.claim();
        String service = Role.SERVICE.claim();
        return ServletResourceServer.routeChain(
                http, resolver, routes -> routes.requestMatchers(HttpMethod.POST, "/v1/rides")
                        .hasRole(rider)
                        .requestMatchers(HttpMethod.GET, "/v1/rides", "/v1/rides/*")
                        .hasAnyRole(rider, driver, operator, service)
                        .requestMatchers(HttpMethod.POST, "/v1/rides/*/cancel")
                        .hasAnyRole(rider, driver)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/v1/rides/*/arrive",
                                "/v1/rides/*/start",
                                "/v1/rides/*/complete",
                                "/v1/rides/*/rider-no-show")
                        .hasRole(driver)
                        .requestMatchers(HttpMethod.POST, "/v1/rides/*/assign", "/v1/rides/*/no-driver")
                        .hasRole(service)
                        .requestMatchers(HttpMethod.GET, "/v1/units/*/waiting-rides")
                        .hasAnyRole(service, operator)
                        .requestMatchers("/actuator/**")
                        .hasRole(operator)
                        .anyRequest()
                        .authenticated());
    }
}
