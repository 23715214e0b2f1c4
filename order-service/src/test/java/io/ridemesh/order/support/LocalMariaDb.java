package io.ridemesh.order.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A MariaDB for integration tests. Uses {@code RIDEMESH_IT_MARIADB_URL} (e.g. {@code jdbc:mariadb://127.0.0.1:30306/})
 * with {@code RIDEMESH_IT_MARIADB_USER} / {@code RIDEMESH_IT_MARIADB_PASSWORD} if set; otherwise starts a private
 * {@code mariadbd} (Debian package mariadb-server) on a free port with its data under {@code target/}, stopped when
 * the JVM exits (its data directory deleted). Tests are skipped (not failed) when neither is available. One instance per JVM; thread-safe.
 */
public final class LocalMariaDb {

    private static LocalMariaDb instance;

    private final String baseUrl;
    private final String user;
    private final String password;

    private LocalMariaDb(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.user = user;
        this.password = password;
    }

    /** The shared instance, started on first use. */
    public static synchronized LocalMariaDb get() {
        if (instance == null) {
            String url = System.getenv("RIDEMESH_IT_MARIADB_URL");
            if (url != null && !url.isBlank()) {
                instance = new LocalMariaDb(
                        url, envOr("RIDEMESH_IT_MARIADB_USER", "root"), envOr("RIDEMESH_IT_MARIADB_PASSWORD", ""));
            } else {
                instance = startPrivateServer();
            }
        }
        return instance;
    }

    /** A JDBC URL for {@code database} on this server. */
    public String jdbcUrl(String database) {
        return baseUrl + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Drops and creates {@code database}, applies the service's migrations, returns a data source for it. */
    public DataSource migratedDatabase(String database) {
        try (Connection connection = DriverManager.getConnection(baseUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            statement.execute("CREATE DATABASE `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + baseUrl, e);
        }
        DriverManagerDataSource dataSource = new DriverManagerDataSource(jdbcUrl(database), user, password);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/rides")
                .load()
                .migrate();
        return dataSource;
    }

    private static LocalMariaDb startPrivateServer() {
        Path server = Path.of("/usr/sbin/mariadbd");
        Path install = Path.of("/usr/bin/mariadb-install-db");
        Assumptions.assumeTrue(
                Files.isExecutable(server) && Files.isExecutable(install),
                "no MariaDB: set RIDEMESH_IT_MARIADB_URL or install the Debian package mariadb-server");
        try {
            Path dir = Path.of(
                            "target",
                            "it-mariadb-" + UUID.randomUUID().toString().substring(0, 8))
                    .toAbsolutePath();
            Path data = dir.resolve("data");
            Files.createDirectories(dir);
            Process installer = new ProcessBuilder(List.of(
                            install.toString(),
                            "--no-defaults",
                            "--datadir=" + data,
                            "--user=" + System.getProperty("user.name"),
                            "--auth-root-authentication-method=normal",
                            "--skip-test-db"))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("install.log").toFile())
                    .start();
            if (!installer.waitFor(120, TimeUnit.SECONDS) || installer.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed, see " + dir.resolve("install.log"));
            }
            int port = freePort();
            Process mariadbd = new ProcessBuilder(List.of(
                            server.toString(),
                            "--no-defaults",
                            "--datadir=" + data,
                            "--port=" + port,
                            "--bind-address=127.0.0.1",
                            "--socket=" + dir.resolve("mariadb.sock"),
                            "--pid-file=" + dir.resolve("mariadb.pid"),
                            "--user=" + System.getProperty("user.name"),
                            "--skip-name-resolve",
                            "--innodb-buffer-pool-size=64M",
                            "--log-error=" + dir.resolve("error.log")))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndDelete(mariadbd, dir), "stop-it-mariadb"));
            LocalMariaDb db = new LocalMariaDb("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        if (!mariadbd.isAlive()) {
                            throw new IllegalStateException("mariadbd exited, see " + dir.resolve("error.log"));
                        }
                        try (Connection c = DriverManager.getConnection(db.baseUrl, db.user, db.password)) {
                            return c.isValid(2);
                        }
                    });
            return db;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start mariadbd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting mariadbd", e);
        }
    }

    /** Stops the server and deletes its data (about 100 MB per run). */
    private static void stopAndDelete(Process mariadbd, Path dir) {
        mariadbd.destroy();
        try {
            if (mariadbd.waitFor(30, TimeUnit.SECONDS)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException | InterruptedException e) {
            // best effort at JVM exit; the directory is under target/ and goes with mvn clean
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
