package io.ridemesh.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.order.support.OrderServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security observes nothing in a servlet service (the kit's {@code NoSecurityObservations}, imported with {@code
 * ServletServiceSecurity}), so its filters are not wrapped in the observation decorator.
 */
class SecurityObservationsTest extends OrderServiceTest {

    @Autowired
    private SecurityObservationSettings settings;

    @Test
    void springSecurityObservesNeitherRequestsNorAuthenticationsNorAuthorizations() {
        assertThat(settings.shouldObserveRequests()).isFalse();
        assertThat(settings.shouldObserveAuthentications()).isFalse();
        assertThat(settings.shouldObserveAuthorizations()).isFalse();
    }
}
