package io.ridemesh.identity.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.ridemesh.identity.IdentityProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How often sign-in may be tried. Two limits:
 *
 * <ul>
 *   <li><b>per account:</b> after {@code maxFailures} consecutive failed sign-ins a login is locked for {@code
 *       lockout}; a success resets the count. Kept in the regional table {@code sign_in_failure} (not replicated:
 *       the counts are the region's, as the attempts were; every instance of the service in the region shares them).
 *       Failures are counted for any login, existing or not, so the lockout does not reveal which logins exist;
 *   <li><b>per client address:</b> {@code attemptsPerAddressPerMinute} attempts over all logins (Resilience4j
 *       rate limiters, one per address, in a bounded Caffeine cache). Per instance: n instances allow n times as many.
 * </ul>
 *
 * Thread-safe.
 */
public class SignInThrottle {

    private final JdbcClient jdbc;
    private final InstantSource clock;
    private final int maxFailures;
    private final Duration lockout;
    private final RateLimiterConfig perAddress;
    private final Cache<String, RateLimiter> addresses = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    public SignInThrottle(JdbcClient jdbc, InstantSource clock, IdentityProperties.SignIn settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = settings.maxFailures();
        this.lockout = settings.lockout();
        this.perAddress = RateLimiterConfig.custom()
                .limitForPeriod(settings.attemptsPerAddressPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Takes one attempt from {@code address}'s allowance; false if it has none left this minute. */
    public boolean tryAddress(String address) {
        return addresses
                .get(address, a -> RateLimiter.of("sign-in-" + a, perAddress))
                .acquirePermission();
    }

    /** Until when {@code login} is locked, or empty if it is not. */
    public Optional<Instant> lockedUntil(String login) {
        long now = clock.millis();
        return jdbc.sql("SELECT locked_until_ms FROM sign_in_failure WHERE login = ? AND locked_until_ms > ?")
                .params(login, now)
                .query(Long.class)
                .optional()
                .map(Instant::ofEpochMilli);
    }

    /** Counts a failed sign-in of {@code login}; the {@code maxFailures}-th in a row locks it. */
    public void failed(String login) {
        long now = clock.millis();
        int updated = jdbc.sql("UPDATE sign_in_failure SET failures = CASE WHEN locked_until_ms > 0 AND locked_until_ms"
                        + " <= ? THEN 1 ELSE failures + 1 END, locked_until_ms = CASE WHEN locked_until_ms > 0 AND"
                        + " locked_until_ms <= ? THEN 0 ELSE locked_until_ms END WHERE login = ?")
                .params(now, now, login)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO sign_in_failure (login, failures, locked_until_ms) VALUES (?, 1, 0)")
                        .param(login)
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                failed(login);
                return;
            }
        }
        jdbc.sql("UPDATE sign_in_failure SET locked_until_ms = ? WHERE login = ? AND failures >= ? AND locked_until_ms"
                        + " = 0")
                .params(now + lockout.toMillis(), login, maxFailures)
                .update();
    }

    /** A successful sign-in of {@code login}: its count starts again. */
    public void succeeded(String login) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE login = ?").param(login).update();
    }
}
