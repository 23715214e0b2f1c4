package io.ridemesh.identity.account.application;

import io.ridemesh.identity.account.domain.Accounts;
import io.ridemesh.identity.account.domain.LoginTaken;
import io.ridemesh.kit.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first operator: an operator account made from configuration at start when its login has none (as Keycloak's
 * {@code KC_BOOTSTRAP_ADMIN_USERNAME}), so that someone can sign in and onboard drivers and operators. Every region
 * makes it; if two regions make it before either has the other's row, replication keeps the earlier one (the same
 * login, the same subject and password). Thread-safe.
 */
public final class OperatorBootstrap {

    private static final Logger log = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final SignUp signUp;
    private final Accounts accounts;

    public OperatorBootstrap(SignUp signUp, Accounts accounts) {
        this.signUp = signUp;
        this.accounts = accounts;
    }

    /**
     * Makes the operator account unless its login has a live account.
     *
     * @param login the operator's login (an e-mail address)
     * @param password the operator's password, checked by the password rules
     * @param subject the operator's {@code sub}
     * @return true if it made the account
     * @throws io.ridemesh.kit.problem.InvalidRequest if the login, password or subject is not acceptable
     */
    public boolean ensure(String login, String password, String subject) {
        String normalized = SignUp.normalizeLogin(login);
        if (accounts.find(normalized).filter(a -> !a.deleted()).isPresent()) {
            return false;
        }
        try {
            signUp.signUp(normalized, password, Role.OPERATOR, subject);
            log.info("made the bootstrap operator account {} (subject {})", normalized, subject);
            return true;
        } catch (LoginTaken raced) {
            return false;
        }
    }
}
