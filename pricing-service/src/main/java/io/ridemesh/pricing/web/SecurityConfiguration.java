package io.ridemesh.pricing.web;

import io.ridemesh.kit.problem.servlet.SecurityProblemHandler;
import io.ridemesh.kit.security.PlatformTokens;
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
 * Who may call what on pricing-service's own port (the gateway checks the same roles in front of it). Callers
 * authenticate with a platform token ({@link PlatformTokens}: signed by an issuer of {@code pricing.accept-tokens-from},
 * a {@code sub}, a known {@code role}, an {@code exp} not passed); anything else is a 401. Stateless: no session, no CSRF.
 *
 * <p>Route roles (403 otherwise):
 *
 * <pre>
 * POST /v1/quotes                                  rider (a rider counts as demand once per cell and window)
 * GET  /v1/quotes/{id}                             rider (own quotes only), operator
 * /actuator/health, /actuator/info, /v3/api-docs   anyone; tokens are ignored there
 * other /actuator endpoints                        operator
 * </pre>
 *
 * <p>401 and 403 bodies are problem details from the kit's {@link SecurityProblemHandler}.
 */
@Configuration(proxyBeanMethods = false)
@Import(ServletServiceSecurity.class)
public class SecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        String rider = Role.RIDER.claim();
        String operator = Role.OPERATOR.claim();
        return ServletResourceServer.routeChain(
                http, resolver, routes -> routes.requestMatchers(HttpMethod.POST, "/v1/quotes")
                        .hasRole(rider)
                        .requestMatchers(HttpMethod.GET, "/v1/quotes/*")
                        .hasAnyRole(rider, operator)
                        .requestMatchers("/actuator/**")
                        .hasRole(operator)
                        .anyRequest()
                        .authenticated());
    }
}
