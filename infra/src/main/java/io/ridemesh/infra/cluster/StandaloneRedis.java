package io.ridemesh.infra.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lone {@code redis-server} (no persistence, 127.0.0.1 only) for a benchmark that needs nothing else of a
 * playground. Its pid file lives under {@code home/run}, so a server left behind by a killed launcher is stopped by
 * the next {@link #start}. Thread-safety: not thread-safe; one owner starts and closes it.
 */
public final class StandaloneRedis implements AutoCloseable {

    private static final String NAME = "standalone-redis";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Processes processes;
    private final int port;

    private StandaloneRedis(Processes processes, int port) {
        this.processes = processes;
        this.port = port;
    }

    /**
     * Starts the server and waits (at most 30 s) until it answers PING.
     *
     * @param home state directory: data, log and pid file go below it
     * @param port TCP port on 127.0.0.1
     * @throws PortTaken if another process listens on {@code port}
     * @throws PlatformException if the server exits or does not answer in time
     */
    public static StandaloneRedis start(Path home, int port) {
        Processes processes = new Processes(home.resolve("run"), home.resolve("logs"));
        processes.stop(NAME, STOP_GRACE, false);
        if (Processes.listening(port)) {
            throw new PortTaken(port, NAME);
        }
        Path dir = home.resolve("data").resolve(NAME);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(
                RedisBinaries.locate(home).toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                dir.toString());
        processes.start(NAME, command, Map.of(), dir);
        StandaloneRedis redis = new StandaloneRedis(processes, port);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Probes.redis(port) != null) {
            if (processes.find(NAME).isEmpty() || Instant.now().isAfter(deadline)) {
                redis.close();
                throw new PlatformException("redis-server on port " + port + " did not start; its log:\n"
                        + Processes.tail(processes.log(NAME), 20));
            }
            Playground.pause(Duration.ofMillis(100));
        }
        return redis;
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Stops the server (SIGTERM, SIGKILL after 10 s); a no-op if it is gone. */
    @Override
    public void close() {
        processes.stop(NAME, STOP_GRACE, false);
    }
}
