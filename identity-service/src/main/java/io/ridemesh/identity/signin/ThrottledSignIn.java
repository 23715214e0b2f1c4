package io.ridemesh.identity.signin;

import io.ridemesh.identity.account.application.SignUp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Sign-in with a login and password, throttled ({@link SignInThrottle}): an address over its allowance and a locked
 * login are refused before the password is checked (so a locked account costs no hash); a wrong password counts
 * towards the lockout, a right one resets it. The check itself is Spring Security's {@code DaoAuthenticationProvider}
 * over {@link AccountUserDetails} (which also spends a hash on unknown logins, so timing does not reveal them).
 * Thread-safe.
 */
public class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    public ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String login = SignUp.normalizeLogin(String.valueOf(attempt.getName()));
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                        ? details.getRemoteAddress()
                        : "unknown";
        if (!throttle.tryAddress(address)) {
            throw new SignInRateLimited();
        }
        Optional<Instant> locked = throttle.lockedUntil(login);
        if (locked.isPresent()) {
            throw new LockedException("too many failed sign-ins; locked until " + locked.get());
        }
        UsernamePasswordAuthenticationToken normalized =
                UsernamePasswordAuthenticationToken.unauthenticated(login, attempt.getCredentials());
        normalized.setDetails(attempt.getDetails());
        try {
            Authentication result = passwords.authenticate(normalized);
            throttle.succeeded(login);
            return result;
        } catch (BadCredentialsException wrong) {
            throttle.failed(login);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** An address tried to sign in more often than its allowance. */
    public static final class SignInRateLimited extends AuthenticationException {

        SignInRateLimited() {
            super("too many sign-in attempts from this address; try again in a minute");
        }
    }
}
