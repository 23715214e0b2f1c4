package io.ridemesh.benchmarks;

import io.ridemesh.infra.cluster.PlatformException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the machine's {@code redis-benchmark} and reads its rate: the raw-Redis baseline of {@code bench locations}.
 * Stateless; thread-safe.
 */
public final class RedisBenchmark {

    private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) requests per second");
    private static final long TIMEOUT_SECONDS = 120;

    private RedisBenchmark() {}

    /** The {@code redis-benchmark} on the PATH, if any. */
    public static Optional<Path> locate() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "redis-benchmark");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Pipelined GEOADDs ({@code -P 64}, 50 connections, members drawn from 100,000) against 127.0.0.1:{@code port};
     * at most 120 s.
     *
     * @param requests GEOADD commands to send ({@code -n})
     * @return GEOADDs per second, as redis-benchmark reports
     * @throws PlatformException if redis-benchmark is missing, fails, times out or prints no rate
     */
    public static double geoaddPerSecond(int port, long requests) {
        Path binary = locate().orElseThrow(() ->
                new PlatformException("redis-benchmark not found on the PATH: install the Debian package redis-tools"));
        List<String> command = List.of(
                binary.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-n",
                Long.toString(requests),
                "-P",
                "64",
                "-r",
                "100000",
                "-q",
                "GEOADD",
                "bench:geo",
                "13.36",
                "38.11",
                "member:__rand_int__");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new PlatformException("redis-benchmark did not finish in " + TIMEOUT_SECONDS + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new PlatformException("redis-benchmark failed (exit " + p.exitValue() + "): " + text.strip());
            }
            return parseRequestsPerSecond(text)
                    .orElseThrow(() -> new PlatformException("no rate in redis-benchmark's output: " + text.strip()));
        } catch (IOException e) {
            throw new PlatformException("cannot run redis-benchmark: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while running redis-benchmark", e);
        }
    }

    /**
     * The final rate of {@code redis-benchmark -q} output: the last {@code "<n> requests per second"}. Progress
     * updates ({@code "rps=... (overall: ...)"}, separated by carriage returns) are ignored.
     *
     * @return requests per second, or empty if the output holds no final rate
     */
    static OptionalDouble parseRequestsPerSecond(String output) {
        Matcher m = RATE.matcher(output);
        OptionalDouble last = OptionalDouble.empty();
        while (m.find()) {
            last = OptionalDouble.of(Double.parseDouble(m.group(1)));
        }
        return last;
    }
}
