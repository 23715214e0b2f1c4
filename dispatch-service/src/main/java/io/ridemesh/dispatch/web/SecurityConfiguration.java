package io.ridemesh.dispatch.web;

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
 * Who may call what. Callers authenticate with an access token of a trusted issuer ({@code
 * dispatch.accept-tokens-from}, {@code PlatformTokens}) whose {@code sub} is the user id and whose {@code role} is {@code rider}, {@code driver},
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
@Import(ServletServiceSecurity.class)
public class SecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        return ServletResourceServer.routeChain(
                http, resolver, routes -> routes.requestMatchers("/v1/drivers/me/**", "/v1/offers/**")
                        .hasRole(Role.DRIVER.claim())
                        .requestMatchers(HttpMethod.GET, "/actuator/**")
                        .hasRole(Role.OPERATOR.claim())
                        .anyRequest()
                        .denyAll());
    }
}
