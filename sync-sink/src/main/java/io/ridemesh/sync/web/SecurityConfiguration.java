package io.ridemesh.sync.web;

import io.ridemesh.kit.security.Role;
import io.ridemesh.kit.security.servlet.ServletResourceServer;
import io.ridemesh.kit.security.servlet.ServletServiceSecurity;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what on sync-sink's port: health and info are open (the kit's {@link ServletServiceSecurity});
 * {@code /actuator/metrics/**} needs an operator's or a service's platform token (the gateways read each region's
 * replication lag and apply backlog there, and hold back a fail-back until the backlog is drained); every other
 * actuator endpoint (the Prometheus scrape, the rest) needs an operator's, as on every service (401 without a valid
 * token, 403 for another role, both problem details). sync-sink has no API of its own. Stateless: no session, no CSRF.
 */
@Configuration(proxyBeanMethods = false)
@Import(ServletServiceSecurity.class)
@EnableConfigurationProperties(SyncSecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain actuator(
            HttpSecurity http, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        return ServletResourceServer.routeChain(
                http, resolver, routes -> routes.requestMatchers("/actuator/metrics", "/actuator/metrics/**")
                        .hasAnyRole(Role.OPERATOR.claim(), Role.SERVICE.claim())
                        .anyRequest()
                        .hasRole(Role.OPERATOR.claim()));
    }
}
