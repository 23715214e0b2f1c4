package io.ridemesh.common.hlc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * An {@link HlcStore} in a relational database, one row per node in {@code hlc_high_water}:
 *
 * <pre>
 * CREATE TABLE IF NOT EXISTS hlc_high_water (
 *   node_key    VARCHAR(128) PRIMARY KEY,
 *   upper_bound BIGINT NOT NULL)
 * </pre>
 *
 * <p>The table is regional bookkeeping, not replicated: each region's nodes keep their own rows. It is created on
 * first use if absent. The upsert is "UPDATE, then INSERT if no row matched, then UPDATE again if a concurrent INSERT
 * won", which runs unchanged on MariaDB/MySQL and H2 (no {@code MERGE} or {@code ON DUPLICATE KEY}). The stored bound
 * never decreases. Each call uses its own connection from the pool and commits it if auto-commit is off.
 *
 * <p>The node key must be stable across restarts of the same node and distinct between nodes that run at the same
 * time (e.g. {@code "eu-1/order-service/pod-3"}); two running clocks sharing a key stay correct but keep pushing the
 * shared bound up.
 *
 * <p>Thread-safe. Errors: {@link HlcStoreUnavailable} wrapping the {@link SQLException}.
 */
public final class JdbcHlcStore implements HlcStore {

    static final int MAX_NODE_KEY_LENGTH = 128;

    private static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS hlc_high_water ("
            + "node_key VARCHAR(128) NOT NULL PRIMARY KEY, upper_bound BIGINT NOT NULL)";
    private static final String SELECT = "SELECT upper_bound FROM hlc_high_water WHERE node_key = ?";
    // CASE keeps the bound from going down; a matched row counts even when unchanged (MariaDB Connector/J reports
    // found rows by default, H2 always does).
    private static final String UPDATE = "UPDATE hlc_high_water SET upper_bound = "
            + "CASE WHEN upper_bound < ? THEN ? ELSE upper_bound END WHERE node_key = ?";
    private static final String INSERT = "INSERT INTO hlc_high_water (node_key, upper_bound) VALUES (?, ?)";

    private final DataSource dataSource;
    private final String nodeKey;
    private volatile boolean tableReady;

    /**
     * @param dataSource where {@code hlc_high_water} lives (the service's regional schema)
     * @param nodeKey this node's row, 1..128 characters, not blank
     * @throws IllegalArgumentException if {@code nodeKey} is blank or longer than 128 characters
     */
    public JdbcHlcStore(DataSource dataSource, String nodeKey) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(nodeKey, "nodeKey");
        if (nodeKey.isBlank() || nodeKey.length() > MAX_NODE_KEY_LENGTH) {
            throw new IllegalArgumentException("nodeKey must be 1.." + MAX_NODE_KEY_LENGTH
                    + " characters and not blank, but was '" + nodeKey + "' (" + nodeKey.length() + " characters)");
        }
        this.nodeKey = nodeKey;
    }

    /** {@inheritDoc} Creates the table if absent. */
    @Override
    public long load() {
        try (Connection connection = dataSource.getConnection()) {
            ensureTable(connection);
            long bound = 0;
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, nodeKey);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        bound = row.getLong(1);
                    }
                }
            }
            commitIfNeeded(connection);
            return bound;
        } catch (SQLException e) {
            throw new HlcStoreUnavailable("could not load the HLC upper bound of node '" + nodeKey + "'", e);
        }
    }

    /** {@inheritDoc} Creates the table if absent. */
    @Override
    public void persist(long upperBound) {
        try (Connection connection = dataSource.getConnection()) {
            ensureTable(connection);
            if (update(connection, upperBound) == 0) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, nodeKey);
                    insert.setLong(2, upperBound);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                    // Another writer inserted the row between our UPDATE and INSERT.
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    update(connection, upperBound);
                }
            }
            commitIfNeeded(connection);
        } catch (SQLException e) {
            throw new HlcStoreUnavailable(
                    "could not persist HLC upper bound " + HybridLogicalClock.format(upperBound) + " of node '"
                            + nodeKey + "'",
                    e);
        }
    }

    @Override
    public String toString() {
        return "JdbcHlcStore[nodeKey=" + nodeKey + "]";
    }

    private int update(Connection connection, long upperBound) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            update.setLong(1, upperBound);
            update.setLong(2, upperBound);
            update.setString(3, nodeKey);
            return update.executeUpdate();
        }
    }

    private void ensureTable(Connection connection) throws SQLException {
        if (tableReady) {
            return;
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute(CREATE_TABLE);
        }
        commitIfNeeded(connection);
        tableReady = true;
    }

    private static void commitIfNeeded(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        // 23000 (MariaDB/MySQL), 23505 (H2, standard): integrity constraint violation class.
        String state = e.getSQLState();
        return e instanceof SQLIntegrityConstraintViolationException || (state != null && state.startsWith("23"));
    }
}
