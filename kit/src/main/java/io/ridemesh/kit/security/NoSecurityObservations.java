package io.ridemesh.kit.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing in a platform service: no Micrometer observation around each filter of a security
 * chain, around authentication or around authorization ({@link SecurityObservationSettings#noObservations()}). The
 * HTTP server's own {@code http.server.requests} still times every request.
 *
 * <p>Why a bean and not {@code management.observations.enable.spring.security: false} (the services had it): that property drops the
 * observations, but Spring Security still wraps every filter of every chain in its observation decorator ({@code
 * ObservationWebFilterChainDecorator}, {@code ObservationFilterChainDecorator}) and its authentication and
 * authorization managers in observing ones, which create a no-op observation per filter per request and, in the
 * gateway, add operators to every request's reactive chain. The settings bean makes Spring Security skip the
 * decorators altogether. Found by a JFR profile of a region node under {@code ./platform demo}: the decorator's frames
 * wrapped 86% of the servlet services' request samples, and {@code InnerOperator.currentContext} (walking the reactive
 * chain) was the gateway's hottest method (7% of its samples).
 *
 * <p>Imported by the servlet services' {@code ServletServiceSecurity} and by the gateway's security configuration.
 */
@Configuration(proxyBeanMethods = false)
public class NoSecurityObservations {

    /** The settings Spring Security's configuration reads (by type) to decide what it observes: nothing. */
    @Bean
    static SecurityObservationSettings platformSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
