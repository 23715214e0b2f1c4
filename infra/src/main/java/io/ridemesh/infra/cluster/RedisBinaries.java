package io.ridemesh.infra.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Finds a {@code redis-server}: the machine's ({@code /usr/bin/redis-server}), else the Linux
 * x86-64 binary shipped inside the {@code com.github.codemonstur:embedded-redis} jar on the
 * launcher's classpath, extracted once under {@code home/bin}. {@code RIDEMESH_REDIS_EMBEDDED=true}
 * forces the embedded binary (used by the test of that path).
 */
final class RedisBinaries {

    static final String EMBEDDED_RESOURCE = "/redis-server-6.2.6-v5-linux-amd64";

    private RedisBinaries() {}

    static Path locate(Path home) {
        boolean forceEmbedded = Boolean.parseBoolean(System.getenv("RIDEMESH_REDIS_EMBEDDED"))
                || Boolean.getBoolean("ridemesh.redis.embedded");
        Path system = Path.of("/usr/bin/redis-server");
        if (!forceEmbedded && Files.isExecutable(system)) {
            return system;
        }
        return extractEmbedded(home);
    }

    static Path extractEmbedded(Path home) {
        Path target = home.resolve("bin").resolve("redis-server-embedded");
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = RedisBinaries.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
            if (in == null) {
                throw new PlatformException("no redis-server on this machine and no embedded binary "
                        + EMBEDDED_RESOURCE + " on the classpath: install the Debian package redis-server");
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "redis", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new PlatformException("cannot extract the embedded redis-server: " + e.getMessage(), e);
        }
    }
}
