package io.ridemesh.simulator.demo;

import io.ridemesh.infra.cluster.JvmCpu;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * CPU seconds the cluster's processes spent, per component kind, over a run: every {@link #sample} reads each live
 * process's total CPU time (user + system, from {@code /proc/<pid>/stat} through {@link ProcessHandle.Info}) and
 * keeps the latest per pid, so a process killed by the drill still counts with what it had used at its last sample.
 * The demo's own client (this JVM) is kind {@code demo-client}. For JVMs it also keeps their JIT compiler threads' part
 * ({@link JvmCpu}). Thread-safe.
 */
final class CpuMeter {

    /** The kind of this JVM: the demo's simulated apps, the drill and the report. */
    static final String CLIENT = "demo-client";

    private final Supplier<Map<Long, String>> processes;
    private final Map<Long, String> kindByPid = new ConcurrentHashMap<>();
    private final Map<Long, Duration> cpuByPid = new ConcurrentHashMap<>();
    private final Map<Long, Long> jitMicrosByPid = new ConcurrentHashMap<>();

    /** @param processes the cluster's live processes now: pid to kind (e.g. {@code region-node}, {@code kafka}) */
    CpuMeter(Supplier<Map<Long, String>> processes) {
        this.processes = processes;
    }

    /** Reads the CPU time of every process of the cluster and of this JVM. */
    void sample() {
        Map<Long, String> now = new LinkedHashMap<>(processes.get());
        now.put(ProcessHandle.current().pid(), CLIENT);
        now.forEach((pid, kind) -> ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .ifPresent(cpu -> {
                    kindByPid.put(pid, kind);
                    cpuByPid.merge(pid, cpu, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    JvmCpu.of(pid).ifPresent(split -> jitMicrosByPid.merge(pid, split.jitMicros(), Math::max));
                }));
    }

    /**
     * CPU seconds of the JVMs' JIT compiler threads by kind, one decimal, over every process sampled so far (a part of
     * {@link #secondsByKind}; kinds that are not JVMs have none). See {@link JvmCpu}.
     */
    Map<String, Double> jitSecondsByKind() {
        Map<String, Long> micros = new TreeMap<>();
        jitMicrosByPid.forEach((pid, jit) -> micros.merge(kindByPid.get(pid), jit, Long::sum));
        Map<String, Double> seconds = new TreeMap<>();
        micros.forEach((kind, us) -> seconds.put(kind, Math.round(us / 100_000.0) / 10.0));
        return seconds;
    }

    /** CPU seconds by kind, one decimal, over every process sampled so far. */
    Map<String, Double> secondsByKind() {
        Map<String, Long> millis = new TreeMap<>();
        cpuByPid.forEach((pid, cpu) -> millis.merge(kindByPid.get(pid), cpu.toMillis(), Long::sum));
        Map<String, Double> seconds = new TreeMap<>();
        millis.forEach((kind, ms) -> seconds.put(kind, Math.round(ms / 100.0) / 10.0));
        return seconds;
    }

    /** CPU seconds of every process sampled so far. */
    double totalSeconds() {
        return Math.round(secondsByKind().values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum()
                        * 10)
                / 10.0;
    }
}
