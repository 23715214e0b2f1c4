package io.ridemesh.dispatch.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A throwaway {@code redis-server} on a free port from 39500 up, without persistence, for {@code *IT} tests. Start in
 * {@code @BeforeAll}, {@link #close()} in {@code @AfterAll}.
 */
public final class RedisProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final LettuceConnectionFactory factory;
    private final StringRedisTemplate template;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
        factory.afterPropertiesSet();
        factory.start();
        this.template = new StringRedisTemplate(factory);
    }

    public static RedisProcess start() {
        int port = freePort();
        try {
            Path log = Files.createTempFile("redis-it-" + port, ".log");
            Process p = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            RedisProcess redis = new RedisProcess(p, port);
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .ignoreExceptions()
                    .until(() -> "PONG".equals(redis.template.execute(c -> c.ping(), true)));
            return redis;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server (is it installed?)", e);
        }
    }

    public StringRedisTemplate template() {
        return template;
    }

    public int port() {
        return port;
    }

    /** Empties the database between tests. */
    public void flush() {
        template.execute(
                c -> {
                    c.serverCommands().flushAll();
                    return null;
                },
                true);
    }

    @Override
    public void close() {
        factory.destroy();
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        for (int port = 39500 + (int) (ProcessHandle.current().pid() % 200); port < 40500; port++) {
            try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
                return port;
            } catch (IOException busy) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free port in 39500..40500");
    }
}
