package io.ridemesh.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * A private {@code redis-server} (the Debian binary) on a free loopback port, without persistence, for one test class:
 * start it in {@code @BeforeAll}, {@link #close()} it in {@code @AfterAll}. {@link #available()} says whether the
 * binary exists (tests skip without it). Thread-safe.
 */
public final class RedisServerProcess implements AutoCloseable {

    /** Where Debian installs the server. */
    public static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /**
     * Starts it and waits (at most 20 s) until it accepts connections.
     *
     * @throws UncheckedIOException if the binary cannot be started
     * @throws IllegalStateException if it exits before accepting
     */
    public static RedisServerProcess start() {
        int port = freePort();
        try {
            Process process = new ProcessBuilder(
                            BINARY.toString(),
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            RedisServerProcess redis = new RedisServerProcess(process, port);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(redis::accepts);
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY, e);
        }
    }

    /** The loopback port it listens on. */
    public int port() {
        return port;
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new IllegalStateException("redis-server exited with " + process.exitValue());
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the server (its data is gone: nothing was persisted). */
    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
