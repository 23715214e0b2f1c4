package io.ridemesh.identity.account.persistence;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.identity.account.domain.Account;
import io.ridemesh.identity.account.domain.Accounts;
import io.ridemesh.identity.account.domain.LoginTaken;
import io.ridemesh.kit.security.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code account} table (migration V1), written only by the versioned CAS of the replicated-row contract: an
 * insert with version 1, every change {@code version = version + 1, hlc = GREATEST(:hlcNow, hlc + 1), origin_region =
 * :self ... WHERE login = ? AND version = ?}. A deleted account stays as a tombstone; signing its login up again
 * revives the row with the same {@code claim}, so the revival outranks the tombstone everywhere by HLC.
 *
 * <p>Thread-safe (stateless over a thread-safe {@link JdbcClient} and clock).
 */
public class JdbcAccounts implements Accounts {

    private static final String COLUMNS =
            "login, subject, role, password_hash, created_at_ms, claim, version, hlc," + " origin_region, deleted";

    private static final RowMapper<Account> ROW = (rs, n) -> new Account(
            rs.getString("login"),
            rs.getString("subject"),
            Role.ofClaim(rs.getString("role")).orElseThrow(),
            rs.getString("password_hash"),
            rs.getLong("created_at_ms"),
            rs.getLong("claim"),
            rs.getLong("version"),
            rs.getLong("hlc"),
            rs.getInt("origin_region"),
            rs.getInt("deleted") != 0);

    private final JdbcClient jdbc;
    private final HybridLogicalClock clock;
    private final int region;

    /**
     * @param region this region's id, written as {@code origin_region}
     */
    public JdbcAccounts(JdbcClient jdbc, HybridLogicalClock clock, int region) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.region = region;
    }

    @Override
    public Optional<Account> find(String login) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE login = ?")
                .param(login)
                .query(ROW)
                .optional();
    }

    @Override
    public List<Account> findBySubject(String subject) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE subject = ? AND deleted = 0")
                .param(subject)
                .query(ROW)
                .list();
    }

    @Override
    public Account create(String login, String subject, Role role, String passwordHash, long createdAtMs) {
        long hlc = clock.now();
        try {
            jdbc.sql("INSERT INTO account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, 0)")
                    .params(login, subject, role.claim(), passwordHash, createdAtMs, Long.MAX_VALUE - hlc, hlc, region)
                    .update();
        } catch (DuplicateKeyException exists) {
            Account row = find(login).orElseThrow(() -> exists);
            if (!row.deleted()) {
                throw new LoginTaken();
            }
            int revived = jdbc.sql("UPDATE account SET subject = ?, role = ?, password_hash = ?, created_at_ms = ?,"
                            + " deleted = 0, version = version + 1, hlc = GREATEST(?, hlc + 1), origin_region = ?"
                            + " WHERE login = ? AND version = ? AND deleted = 1")
                    .params(subject, role.claim(), passwordHash, createdAtMs, hlc, region, login, row.version())
                    .update();
            if (revived == 0) {
                throw new LoginTaken(); // another sign-up of this login won the CAS
            }
        }
        return find(login).orElseThrow();
    }

    @Override
    public boolean delete(Account account) {
        return jdbc.sql("UPDATE account SET deleted = 1, password_hash = '', version = version + 1,"
                                + " hlc = GREATEST(?, hlc + 1), origin_region = ? WHERE login = ? AND version = ?"
                                + " AND deleted = 0")
                        .params(clock.now(), region, account.login(), account.version())
                        .update()
                == 1;
    }
}
