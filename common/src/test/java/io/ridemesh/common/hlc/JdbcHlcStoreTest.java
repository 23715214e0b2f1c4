package io.ridemesh.common.hlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JdbcHlcStoreTest {

    /** A fresh in-memory H2 database in MariaDB mode, kept until the JVM exits. */
    static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:hlc-" + UUID.randomUUID() + ";MODE=MariaDB;DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    private final JdbcDataSource dataSource = h2();

    @Test
    void loadsZeroForANodeThatNeverPersistedAndCreatesTheTable() throws SQLException {
        JdbcHlcStore store = new JdbcHlcStore(dataSource, "eu-1/order-service/0");

        assertThat(store.load()).isZero();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM hlc_high_water")) {
            r.next();
            assertThat(r.getLong(1)).isZero();
        }
    }

    @Test
    void loadsWhatWasPersistedByAnotherInstanceForTheSameNode() {
        new JdbcHlcStore(dataSource, "node-a").persist(42);
        new JdbcHlcStore(dataSource, "node-a").persist(4242);

        assertThat(new JdbcHlcStore(dataSource, "node-a").load()).isEqualTo(4242);
    }

    @Test
    void neverLowersTheStoredBound() {
        JdbcHlcStore store = new JdbcHlcStore(dataSource, "node-a");
        store.persist(1_000);
        store.persist(999);

        assertThat(store.load()).isEqualTo(1_000);
    }

    @Test
    void keepsOneRowPerNodeKey() {
        JdbcHlcStore a = new JdbcHlcStore(dataSource, "node-a");
        JdbcHlcStore b = new JdbcHlcStore(dataSource, "node-b");
        a.persist(10);
        b.persist(20);

        assertThat(a.load()).isEqualTo(10);
        assertThat(b.load()).isEqualTo(20);
    }

    @Test
    void reportsAnUnreachableDatabaseWithTheNodeKey() {
        JdbcDataSource broken = new JdbcDataSource();
        broken.setURL("jdbc:h2:mem:x;IFEXISTS=TRUE");

        assertThatThrownBy(() -> new JdbcHlcStore(broken, "node-z").persist(1))
                .isInstanceOf(HlcStoreUnavailable.class)
                .hasMessageContaining("node 'node-z'")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void rejectsABlankOrOverlongNodeKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new JdbcHlcStore(dataSource, " "))
                .withMessageContaining("must be 1..128 characters and not blank, but was ' '");
        assertThatIllegalArgumentException().isThrownBy(() -> new JdbcHlcStore(dataSource, "k".repeat(129)));
    }
}
