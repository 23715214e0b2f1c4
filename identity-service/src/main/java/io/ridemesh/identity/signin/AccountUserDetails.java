package io.ridemesh.identity.signin;

import io.ridemesh.identity.account.application.SignUp;
import io.ridemesh.identity.account.domain.Account;
import io.ridemesh.identity.account.domain.Accounts;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Accounts as Spring Security users: the username is the login, the authority {@code ROLE_<role>}. A deleted account
 * is not found. The principal stays a plain {@link User} (Spring Authorization Server stores it with the
 * authorization); the subject and role that go into tokens are read from the account when a token is issued. Thread-safe.
 */
public class AccountUserDetails implements UserDetailsService {

    private final Accounts accounts;

    public AccountUserDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        Account account = accounts.find(SignUp.normalizeLogin(username))
                .filter(a -> !a.deleted())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(account.login())
                .password(account.passwordHash())
                .roles(account.role().claim())
                .build();
    }
}
