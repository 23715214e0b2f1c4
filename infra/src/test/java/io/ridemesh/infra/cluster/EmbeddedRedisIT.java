package io.ridemesh.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fallback path: the redis-server binary shipped inside a Maven Central jar runs and answers. */
class EmbeddedRedisIT {

    @Test
    void embeddedRedisBinaryStartsAndAnswersPing() throws Exception {
        Path home = Path.of("target/embedded-redis-it").toAbsolutePath();
        Path binary = RedisBinaries.extractEmbedded(home);
        assertThat(Files.isExecutable(binary)).isTrue();
        int port = 18379;
        Process p = new ProcessBuilder(List.of(
                        binary.toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no"))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("redis.log").toFile())
                .start();
        try {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> Probes.redis(port) == null);
        } finally {
            p.destroy();
            p.onExit().get();
        }
    }
}
