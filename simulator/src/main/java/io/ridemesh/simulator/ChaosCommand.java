package io.ridemesh.simulator;

import io.ridemesh.infra.PlatformCli;
import io.ridemesh.simulator.chaos.ChaosRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./platform chaos}: writes in every region under faults, then the checks; exit code 1 when one failed. */
@Command(
        name = "chaos",
        description = "Concurrent writes in every region while sync-sinks are killed, Kafkas restarted, regions"
                + " partitioned and clocks stepped; then convergence, acknowledged writes, conflicts and loops"
                + " are checked.")
public final class ChaosCommand implements Callable<Integer> {
    @ParentCommand
    PlatformCli parent;

    @Option(names = "--regions", defaultValue = "3", description = "Regions, 2..8 (default ${DEFAULT-VALUE}).")
    int regions;

    @Option(names = "--minutes", defaultValue = "10", description = "Minutes of writes (default ${DEFAULT-VALUE}).")
    int minutes;

    @Option(
            names = "--rate",
            defaultValue = "20",
            description = "Writes per second in each region (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--fault-every",
            defaultValue = "20s",
            description = "Mean time between faults (default ${DEFAULT-VALUE}).")
    String faultEvery;

    @Option(names = "--partition", defaultValue = "90s", description = "Longest partition (default ${DEFAULT-VALUE}).")
    String partition;

    @Option(names = "--seed", description = "Seed of the random choices (default: the time).")
    Long seed;

    @Option(names = "--keep", description = "Keep the chaos playground running afterwards.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        ChaosRun.Options options = new ChaosRun.Options(
                regions,
                java.time.Duration.ofMinutes(minutes),
                rate,
                PlatformCli.duration("--fault-every", faultEvery),
                PlatformCli.duration("--partition", partition),
                seed != null ? seed : System.currentTimeMillis());
        java.util.concurrent.atomic.AtomicReference<java.util.Map<String, Object>> report =
                new java.util.concurrent.atomic.AtomicReference<>();
        PlatformCli.onOwnPlayground(parent.repo(), "chaos", 23000, keep, (pg, progress) -> {
            report.set(new ChaosRun(pg, options, System.out::println).run());
            return report.get();
        });
        java.util.Map<String, Object> r = report.get();
        boolean held = Boolean.TRUE.equals(r.get("converged"))
                && ((Number) r.get("acked_lost")).longValue() == 0
                && ((Number) r.get("loops")).longValue() == 0;
        return held ? 0 : 1;
    }
}
