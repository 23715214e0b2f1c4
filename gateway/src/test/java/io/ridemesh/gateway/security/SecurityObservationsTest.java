package io.ridemesh.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing in the gateway, so it does not wrap every filter of the security chains in its
 * observation decorator (the kit's {@code NoSecurityObservations}); the calls still pass the chain (the authorization
 * matrix test).
 */
class SecurityObservationsTest extends GatewayTestSupport {

    @Autowired
    private SecurityObservationSettings settings;

    @Test
    void springSecurityObservesNeitherRequestsNorAuthenticationsNorAuthorizations() {
        assertThat(settings.shouldObserveRequests()).isFalse();
        assertThat(settings.shouldObserveAuthentications()).isFalse();
        assertThat(settings.shouldObserveAuthorizations()).isFalse();
    }
}
