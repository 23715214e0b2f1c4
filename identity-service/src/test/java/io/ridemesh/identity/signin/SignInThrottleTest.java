package io.ridemesh.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.identity.IdentityProperties;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class SignInThrottleTest {

    @Test
    void anAddressGetsItsAllowancePerMinuteAndAnotherAddressItsOwn() {
        SignInThrottle throttle = new SignInThrottle(
                JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:throttle")),
                InstantSource.system(),
                new IdentityProperties.SignIn(5, Duration.ofMinutes(15), 3));
        assertThat(throttle.tryAddress("10.0.0.1")).isTrue();
        assertThat(throttle.tryAddress("10.0.0.1")).isTrue();
        assertThat(throttle.tryAddress("10.0.0.1")).isTrue();
        assertThat(throttle.tryAddress("10.0.0.1")).isFalse();
        assertThat(throttle.tryAddress("10.0.0.2")).isTrue();
    }
}
