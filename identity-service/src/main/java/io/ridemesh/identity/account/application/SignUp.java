package io.ridemesh.identity.account.application;

import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.identity.account.domain.Account;
import io.ridemesh.identity.account.domain.Accounts;
import io.ridemesh.identity.account.domain.LoginTaken;
import io.ridemesh.identity.account.domain.PasswordRules;
import io.ridemesh.kit.problem.InvalidRequest;
import io.ridemesh.kit.security.Role;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs accounts up and deletes them. Riders sign themselves up and get a new global id as subject; drivers and
 * operators are created by an operator, who gives the driver's id as subject (drivers are vetted before they drive).
 * The password is checked ({@link PasswordRules}) and hashed ({@link PasswordEncoder}: bcrypt by default, tens of ms
 * of CPU on purpose) before anything is written. Thread-safe.
 */
public class SignUp {

    /** A login is an e-mail address: something, an {@code @}, a domain with a dot; at most 254 characters (RFC 5321). */
    private static final Pattern LOGIN = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    /** A subject the services accept as {@code sub}: letters, digits, {@code -_.:}, 1..64 characters. */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * An imported hash: bcrypt in the modular crypt format ({@code $2a$}, {@code $2b$} or {@code $2y$}, two-digit cost,
     * 22 characters of salt and 31 of hash), prefixed {@code {bcrypt}} as the delegating encoder stores it.
     */
    private static final Pattern IMPORTED_HASH = Pattern.compile("\\{bcrypt}\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

    /** The least bcrypt cost an imported hash may have: the cost of the hashes this service makes (OWASP: >= 10). */
    public static final int MIN_IMPORTED_COST = 10;

    private final Accounts accounts;
    private final PasswordRules rules;
    private final PasswordEncoder encoder;
    private final GlobalIdGenerator ids;
    private final InstantSource clock;

    public SignUp(
            Accounts accounts,
            PasswordRules rules,
            PasswordEncoder encoder,
            GlobalIdGenerator ids,
            InstantSource clock) {
        this.accounts = accounts;
        this.rules = rules;
        this.encoder = encoder;
        this.ids = ids;
        this.clock = clock;
    }

    /** The login as stored: trimmed, lower-case. */
    public static String normalizeLogin(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Creates an account.
     *
     * @param subject the driver id for a driver, a chosen subject for an operator; must be null for a rider
     * @return the account as written
     * @throws InvalidRequest naming {@code login}, {@code password}, {@code role} or {@code subject}
     * @throws LoginTaken if a live account holds the login (here; another region's may arrive later, see {@link
     *     Account#claim()})
     */
    public Account signUp(String login, String password, Role role, @Nullable String subject) {
        String normalized = normalizeLogin(login);
        if (normalized.length() > 254 || !LOGIN.matcher(normalized).matches()) {
            throw InvalidRequest.of("login", "must be an e-mail address of at most 254 characters");
        }
        rules.check(password, normalized);
        String sub;
        switch (role) {
            case RIDER -> {
                if (subject != null) {
                    throw InvalidRequest.of("subject", "is chosen by the platform for riders; leave it out");
                }
                sub = Long.toString(ids.nextId());
            }
            case DRIVER, OPERATOR -> {
                if (subject == null || !SUBJECT.matcher(subject).matches()) {
                    throw InvalidRequest.of("subject", "must be 1..64 letters, digits or ._:- (the driver's id)");
                }
                if (!accounts.findBySubject(subject).isEmpty()) {
                    throw InvalidRequest.of("subject", "has an account already");
                }
                sub = subject;
            }
            default -> throw InvalidRequest.of("role", "must be rider, driver or operator");
        }
        Optional<Account> existing = accounts.find(normalized);
        if (existing.isPresent() && !existing.get().deleted()) {
            throw new LoginTaken(); // before the expensive hash
        }
        return accounts.create(normalized, sub, role, encoder.encode(password), clock.millis());
    }

    /** What an import did with one account. */
    public enum Imported {
        /** a new account (or the revival of a deleted one) */
        CREATED,
        /** a live account held the login already; it was left as it was */
        EXISTING
    }

    /**
     * An account whose password was hashed elsewhere (an operator migrating users, or provisioning them in bulk).
     *
     * @param login an e-mail address
     * @param passwordHash bcrypt of cost {@value #MIN_IMPORTED_COST} or more, in the delegating encoder's form ({@code
     *     {bcrypt}$2a$10$...})
     * @param role rider, driver or operator
     * @param subject its {@code sub}, the operator's choice for every role (riders included: the ids of the system
     *     imported from)
     */
    public record Import(String login, String passwordHash, Role role, String subject) {}

    /**
     * Checks an import without writing anything: no password rules (the password is not known here), no hashing.
     *
     * @throws InvalidRequest naming {@code login}, {@code passwordHash}, {@code role} or {@code subject}
     */
    public void check(Import account) {
        String normalized = normalizeLogin(account.login());
        if (normalized.length() > 254 || !LOGIN.matcher(normalized).matches()) {
            throw InvalidRequest.of("login", "must be an e-mail address of at most 254 characters");
        }
        var hash = IMPORTED_HASH.matcher(account.passwordHash());
        if (!hash.matches()) {
            throw InvalidRequest.of("passwordHash", "must be a bcrypt hash in the form {bcrypt}$2a$10$<53 characters>");
        }
        if (Integer.parseInt(hash.group(1)) < MIN_IMPORTED_COST) {
            throw InvalidRequest.of("passwordHash", "must have a bcrypt cost of at least " + MIN_IMPORTED_COST);
        }
        if (account.role() == Role.SERVICE) {
            throw InvalidRequest.of("role", "must be rider, driver or operator");
        }
        if (!SUBJECT.matcher(account.subject()).matches()) {
            throw InvalidRequest.of("subject", "must be 1..64 letters, digits or ._:-");
        }
    }

    /**
     * Imports an account: one row, not tens of ms of CPU (nothing is hashed here).
     *
     * @return whether the account was created or a live one held the login already (left as it was)
     * @throws InvalidRequest as {@link #check}, or naming {@code subject} when another login has that subject
     */
    public Imported importAccount(Import account) {
        check(account);
        String normalized = normalizeLogin(account.login());
        Optional<Account> existing = accounts.find(normalized);
        if (existing.isPresent() && !existing.get().deleted()) {
            return Imported.EXISTING;
        }
        if (!accounts.findBySubject(account.subject()).isEmpty()) {
            throw InvalidRequest.of("subject", "has an account with another login already");
        }
        try {
            accounts.create(normalized, account.subject(), account.role(), account.passwordHash(), clock.millis());
            return Imported.CREATED;
        } catch (LoginTaken raced) {
            return Imported.EXISTING;
        }
    }

    /**
     * Deletes the live account whose subject is {@code subject}.
     *
     * @return false if there is none
     */
    public boolean delete(String subject) {
        for (Account account : accounts.findBySubject(subject)) {
            if (accounts.delete(account)) {
                return true;
            }
        }
        return false;
    }
}
