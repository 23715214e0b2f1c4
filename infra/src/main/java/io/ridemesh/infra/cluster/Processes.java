package io.ridemesh.infra.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts components as detached OS processes and finds them again through pid files, so the
 * launcher can exit while the playground keeps running and a later {@code status} or {@code down}
 * finds exactly what {@code up} started. Thread-safety: stateless, safe for concurrent use.
 */
final class Processes {

    private final Path runDir;
    private final Path logDir;

    Processes(Path runDir, Path logDir) {
        this.runDir = runDir;
        this.logDir = logDir;
    }

    /**
     * Starts {@code command} in its own session ({@code setsid}), output appended to the
     * component's log, and records its pid.
     *
     * @return the pid
     */
    long start(String name, List<String> command, Map<String, String> env, Path workDir) {
        try {
            Files.createDirectories(runDir);
            Files.createDirectories(logDir);
            List<String> full = new ArrayList<>();
            // setsid: the process must not die with the launcher's terminal (Ctrl-C, hang-up).
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                full.add("/usr/bin/setsid");
            }
            full.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(full)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()))
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().putAll(env);
            Process process = pb.start();
            long pid = process.pid();
            Files.writeString(pidFile(name), Long.toString(pid), StandardCharsets.UTF_8);
            return pid;
        } catch (IOException e) {
            throw new PlatformException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The live process recorded for {@code name}, if any. */
    Optional<ProcessHandle> find(String name) {
        Path file = pidFile(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Recorded pid of {@code name} (alive or not), or -1. */
    long recordedPid(String name) {
        return find(name).map(ProcessHandle::pid).orElse(-1L);
    }

    /**
     * Stops {@code name}: SIGTERM (or SIGKILL when {@code abrupt}), then SIGKILL after
     * {@code grace}, including its descendants.
     *
     * @return true if a live process was stopped
     */
    boolean stop(String name, Duration grace, boolean abrupt) {
        return !stopAll(List.of(name), grace, abrupt).isEmpty();
    }

    /**
     * Stops all {@code names} at once: every process is signalled first, then awaited together, so
     * stopping ten services costs one grace period, not ten.
     *
     * @return the names of the processes that were running and are now stopped
     */
    List<String> stopAll(List<String> names, Duration grace, boolean abrupt) {
        List<String> stopped = new ArrayList<>();
        List<ProcessHandle> signalled = new ArrayList<>();
        for (String name : names) {
            Optional<ProcessHandle> handle = find(name);
            if (handle.isPresent()) {
                List<ProcessHandle> tree =
                        new ArrayList<>(handle.get().descendants().toList());
                tree.add(handle.get());
                for (ProcessHandle p : tree) {
                    if (abrupt) {
                        p.destroyForcibly();
                    } else {
                        p.destroy();
                    }
                }
                signalled.addAll(tree);
                stopped.add(name);
            }
        }
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle p : signalled) {
            awaitExit(p, Duration.between(Instant.now(), deadline));
            if (p.isAlive()) {
                p.destroyForcibly();
                awaitExit(p, Duration.ofSeconds(5));
            }
        }
        for (String name : names) {
            try {
                Files.deleteIfExists(pidFile(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stopped;
    }

    private static void awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still alive: the caller escalates
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Path log(String name) {
        return logDir.resolve(name + ".log");
    }

    private Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }

    /**
     * The last {@code lines} lines of a log file, for error messages; a placeholder when it cannot be read.
     *
     * @param log the file
     * @param lines how many lines at most
     * @return the lines joined with newlines
     */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** True when something accepts TCP connections on 127.0.0.1:{@code port}. */
    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
