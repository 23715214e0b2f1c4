package io.ridemesh.identity.account.domain;

import io.ridemesh.kit.security.Role;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts are kept: replicated rows keyed by login, written by versioned CAS (the adapter states the SQL).
 * Implementations are thread-safe.
 */
public interface Accounts {

    /** The row of {@code login}, tombstone included; empty if it never existed in this region. */
    Optional<Account> find(String login);

    /** The live accounts whose subject is {@code subject} (one, unless two regions onboarded one driver at once). */
    List<Account> findBySubject(String subject);

    /**
     * Signs {@code login} up: a new row, or the revival of its tombstone (same claim, later HLC).
     *
     * @param passwordHash the encoded password
     * @param createdAtMs now, epoch ms
     * @return the account as written
     * @throws LoginTaken if a live account holds the login
     */
    Account create(String login, String subject, Role role, String passwordHash, long createdAtMs);

    /**
     * Deletes {@code account} (a tombstone without its password hash) if it is still the version read.
     *
     * @return false if the account changed or was deleted since it was read
     */
    boolean delete(Account account);
}
