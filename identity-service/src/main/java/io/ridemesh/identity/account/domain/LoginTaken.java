package io.ridemesh.identity.account.domain;

/** A sign-up named a login that has a live account already (409 {@code login-taken} on {@code login}). */
public final class LoginTaken extends RuntimeException {

    public LoginTaken() {
        super("an account with this login exists");
    }
}
