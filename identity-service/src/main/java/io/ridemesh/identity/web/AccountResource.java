package io.ridemesh.identity.web;

import io.ridemesh.identity.account.application.SignUp;
import io.ridemesh.identity.account.domain.Account;
import io.ridemesh.identity.account.domain.Accounts;
import io.ridemesh.identity.signin.SignInThrottle;
import io.ridemesh.kit.problem.FieldError;
import io.ridemesh.kit.problem.InvalidRequest;
import io.ridemesh.kit.security.PlatformTokens;
import io.ridemesh.kit.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts over HTTP.
 *
 * <pre>
 * POST   /v1/accounts     {login, password}                      anyone: a rider signs up            201 AccountView
 * POST   /v1/accounts     {login, password, role, subject}       operator: a driver or an operator   201 AccountView
 * POST   /v1/accounts/imports {accounts: [{login, passwordHash,  operator: up to 100 accounts hashed    200 {created,
 *                          role, subject}]}                         elsewhere (bcrypt, cost >= 10)          existing}
 * GET    /v1/accounts/me                                         the account of the token's subject  200 AccountView
 * DELETE /v1/accounts/me                                         deletes it                          204
 * </pre>
 *
 * Errors (problem details): 400 naming the field ({@code login}, {@code password}, {@code role}, {@code subject}; in
 * an import {@code accounts[i].<field>}, and nothing of that request is imported), 403
 * when a non-operator asks for a driver or operator account, 404 {@code account-not-found}, 409 {@code login-taken},
 * 429 {@code too-many-attempts} when an address signs up more often than its sign-in allowance.
 * Signing in is not here: it is the authorization server's ({@code /oauth2/authorize}, {@code /login}). Thread-safe.
 */
@RestController
@RequestMapping("/v1/accounts")
class AccountResource {

    private final SignUp signUp;
    private final Accounts accounts;
    private final SignInThrottle throttle;

    AccountResource(SignUp signUp, Accounts accounts, SignInThrottle throttle) {
        this.signUp = signUp;
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /**
     * A sign-up.
     *
     * @param login an e-mail address
     * @param password the password, checked by {@code PasswordRules}
     * @param role {@code rider} (default), or {@code driver} or {@code operator} (an operator's call only)
     * @param subject a driver's driver id or an operator's chosen subject; none for a rider
     */
    record SignUpBody(
            @NotNull @Size(max = 254) String login,
            @NotNull @Size(max = 1024) String password,
            @Nullable String role,
            @Nullable @Size(max = 64) String subject) {}

    /** An account as its owner sees it: no hash, no bookkeeping. */
    record AccountView(String subject, String login, String role, long createdAtMs) {

        static AccountView of(Account account) {
            return new AccountView(
                    account.subject(), account.login(), account.role().claim(), account.createdAtMs());
        }
    }

    @PostMapping
    ResponseEntity<AccountView> signUp(
            @Valid @RequestBody SignUpBody body,
            @AuthenticationPrincipal @Nullable Jwt jwt,
            HttpServletRequest request) {
        // an anonymous sign-up costs a password hash: it counts against the address's sign-in allowance
        if (jwt == null && !throttle.tryAddress(request.getRemoteAddr())) {
            throw new TooManyAttempts();
        }
        Role role = body.role() == null
                ? Role.RIDER
                : Role.ofClaim(body.role())
                        .filter(r -> r != Role.SERVICE)
                        .orElseThrow(() -> InvalidRequest.of("role", "must be rider, driver or operator"));
        if (role != Role.RIDER && (jwt == null || PlatformTokens.roleOf(jwt) != Role.OPERATOR)) {
            throw new AccessDeniedException("only an operator creates " + role.claim() + " accounts");
        }
        Account account = signUp.signUp(body.login(), body.password(), role, body.subject());
        return ResponseEntity.created(URI.create("/v1/accounts/me")).body(AccountView.of(account));
    }

    /** An import: at most {@value #MAX_IMPORT} accounts (a request body is at most 16 KB anyway). */
    record ImportBody(
            @NotNull @Size(min = 1, max = MAX_IMPORT) List<@NotNull @Valid ImportedAccount> accounts) {}

    /**
     * An account hashed elsewhere.
     *
     * @param passwordHash {@code {bcrypt}$2a$10$...}, cost 10 or more
     * @param role {@code rider}, {@code driver} or {@code operator}
     * @param subject its {@code sub}
     */
    record ImportedAccount(
            @NotNull @Size(max = 254) String login,
            @NotNull @Size(max = 128) String passwordHash,
            @NotNull String role,
            @NotNull @Size(max = 64) String subject) {}

    /** What an import did: accounts made, and accounts whose login had a live account already (left unchanged). */
    record ImportResult(int created, int existing) {}

    static final int MAX_IMPORT = 100;

    /**
     * Imports accounts (operators only: the chain says so). Every entry is checked before any is written; the rows
     * are then written one by one, so a failure of the database part-way keeps the ones before it (the same import
     * retried counts them as existing).
     */
    @PostMapping("/imports")
    ImportResult importAccounts(@Valid @RequestBody ImportBody body) {
        List<SignUp.Import> imports = new ArrayList<>();
        for (int i = 0; i < body.accounts().size(); i++) {
            ImportedAccount a = body.accounts().get(i);
            String prefix = "accounts[" + i + "].";
            Role role = Role.ofClaim(a.role())
                    .orElseThrow(() -> InvalidRequest.of(prefix + "role", "must be rider, driver or operator"));
            SignUp.Import account = new SignUp.Import(a.login(), a.passwordHash(), role, a.subject());
            try {
                signUp.check(account);
            } catch (InvalidRequest bad) {
                throw renamed(prefix, bad);
            }
            imports.add(account);
        }
        int created = 0;
        for (int i = 0; i < imports.size(); i++) {
            try {
                if (signUp.importAccount(imports.get(i)) == SignUp.Imported.CREATED) {
                    created++;
                }
            } catch (InvalidRequest bad) {
                throw renamed("accounts[" + i + "].", bad);
            }
        }
        return new ImportResult(created, imports.size() - created);
    }

    /** {@code bad} with its fields named under {@code prefix} ({@code accounts[3].login}). */
    private static InvalidRequest renamed(String prefix, InvalidRequest bad) {
        return new InvalidRequest(bad.errors().stream()
                .map(e -> new FieldError(prefix + e.field(), e.detail()))
                .toList());
    }

    @GetMapping("/me")
    AccountView me(@AuthenticationPrincipal Jwt jwt) {
        return AccountView.of(own(jwt).orElseThrow(AccountNotFound::new));
    }

    @DeleteMapping("/me")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt) {
        if (!signUp.delete(jwt.getSubject())) {
            throw new AccountNotFound();
        }
        return ResponseEntity.noContent().build();
    }

    private Optional<Account> own(Jwt jwt) {
        List<Account> mine = accounts.findBySubject(jwt.getSubject());
        return mine.stream().findFirst();
    }

    /** An address signed up or in more often than its allowance. */
    static final class TooManyAttempts extends RuntimeException {

        TooManyAttempts() {
            super("too many sign-up and sign-in attempts from this address; try again in a minute");
        }
    }

    /** The token's subject has no live account. */
    static final class AccountNotFound extends RuntimeException {

        AccountNotFound() {
            super("no account for this token's subject");
        }
    }
}
