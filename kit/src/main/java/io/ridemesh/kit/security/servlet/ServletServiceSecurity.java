package io.ridemesh.kit.security.servlet;

import io.ridemesh.kit.problem.servlet.RequestBodyLimitFilter;
import io.ridemesh.kit.problem.servlet.RequestsInWorkLimitFilter;
import io.ridemesh.kit.problem.servlet.SecurityProblemHandler;
import io.ridemesh.kit.problem.servlet.ServletProblemPages;
import io.ridemesh.kit.security.NoSecurityObservations;
import io.ridemesh.kit.security.PlatformTokens;
import io.ridemesh.kit.security.ServiceSecuritySettings;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The doors every servlet service has, one definition: imported by a service's security configuration, which then
 * adds only its route rules (a {@link SecurityFilterChain} at {@code @Order(2)} built on {@link
 * ServletResourceServer#routeChain}). Needs a {@link ServiceSecuritySettings} bean (the service's properties).
 *
 * <ul>
 *   <li>{@link #OPEN_PATHS} (health, info, the API description): open, any {@code Authorization} header ignored, so a
 *       probe with a stale token still sees health ({@code @Order(1)});
 *   <li>the platform tokens' decoder ({@link PlatformTokens#jwtDecoder}) for the service's trusted issuers ({@link
 *       ServiceSecuritySettings#trustedIssuers()}, at least one);
 *   <li>the limit of requests in work ({@link RequestsInWorkLimitFilter}: 503 {@code overloaded} before anything else,
 *       so an overloaded service sheds instead of queueing until its heap is full);
 *   <li>the request-body limit ({@link RequestBodyLimitFilter}: 413 before security and any work);
 *   <li>401, 403 and 413 as problem details ({@link SecurityProblemHandler}, the service's problem handler);
 *   <li>the framework's own refusals as problem details too ({@link ServletProblemPages}: the {@code /error} page and
 *       Tomcat's error report), so no answer of a servlet service is HTML or Boot's default JSON;
 *   <li>no Spring Security observations ({@link NoSecurityObservations}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Import({SecurityProblemHandler.class, ServletProblemPages.class, NoSecurityObservations.class})
public class ServletServiceSecurity {

    /** Paths open to everyone on every servlet service. */
    public static final String[] OPEN_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    @Bean
    @Order(1)
    SecurityFilterChain platformOpenChain(HttpSecurity http) throws Exception {
        return ServletResourceServer.openChain(http, OPEN_PATHS);
    }

    @Bean
    JwtDecoder platformJwtDecoder(ServiceSecuritySettings settings) {
        return PlatformTokens.jwtDecoder(settings.trustedIssuers());
    }

    @Bean
    RequestsInWorkLimitFilter platformRequestsInWorkLimitFilter(
            ServiceSecuritySettings settings,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new RequestsInWorkLimitFilter(settings.maxRequestsInWork(), resolver);
    }

    @Bean
    RequestBodyLimitFilter platformRequestBodyLimitFilter(
            ServiceSecuritySettings settings,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        return new RequestBodyLimitFilter(settings.maxRequestBody().toBytes(), resolver);
    }
}
