package io.ridemesh.infra.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a JVM's CPU time went, read from Linux's {@code /proc/<pid>/task/<tid>/stat} (utime + stime of each thread,
 * in clock ticks of 10 ms, {@code USER_HZ} = 100): the JIT's compiler threads ({@code C1 CompilerThread},
 * {@code C2 CompilerThread}), the collector and VM operations ({@code GC Thread#}, {@code VM Thread}, the serial
 * collector runs in the VM thread) and everything else (the application's own threads). A thread that has exited is
 * no longer listed: its CPU is in {@link Split#totalMicros} (the process's own figure) but in neither part, so over a
 * window the parts are a lower bound. Stateless; thread-safe.
 */
public final class JvmCpu {

    private static final long MICROS_PER_TICK = 10_000;

    private JvmCpu() {}

    /**
     * A JVM's CPU time, in microseconds since it started.
     *
     * @param totalMicros the whole process (user + system)
     * @param jitMicros its JIT compiler threads
     * @param gcMicros its collector and VM-operation threads
     */
    public record Split(long totalMicros, long jitMicros, long gcMicros) {

        /** This split minus an earlier one of the same process: the CPU over the window between them. */
        public Split minus(Split earlier) {
            return new Split(
                    totalMicros - earlier.totalMicros, jitMicros - earlier.jitMicros, gcMicros - earlier.gcMicros);
        }
    }

    /** The split of process {@code pid} now; empty if it is gone or this is not Linux. */
    public static Optional<Split> of(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long total = 0;
        long jit = 0;
        long gc = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread exited meanwhile
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) {
                    continue;
                }
                String name = stat.substring(open + 1, close);
                // after "pid (comm) ": state is field 3, utime field 14, stime field 15
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                total += ticks;
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    jit += ticks;
                } else if (name.startsWith("GC Thread") || name.equals("VM Thread")) {
                    gc += ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        long processMicros = ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(d -> d.toNanos() / 1000)
                .orElse(total * MICROS_PER_TICK);
        return Optional.of(new Split(processMicros, jit * MICROS_PER_TICK, gc * MICROS_PER_TICK));
    }
}
