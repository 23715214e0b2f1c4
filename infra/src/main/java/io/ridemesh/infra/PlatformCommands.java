package io.ridemesh.infra;

import java.util.List;

/**
 * Subcommands of {@code ./platform} that live in modules built on this one (the simulator's {@code demo} and {@code
 * chaos}, the benchmarks' {@code bench}), so that the launcher depends on none of them. {@link PlatformCli} finds the
 * implementations on its class path with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/io.ridemesh.infra.PlatformCommands} entry) and adds each command as a subcommand; a command's
 * {@code @ParentCommand PlatformCli} field then gives it the repository, the playground and the shared helpers.
 */
public interface PlatformCommands {

    /**
     * The commands this module adds: instances of picocli {@code @Command} classes, a new one per call.
     *
     * @return the commands, never {@code null}
     */
    List<Object> commands();
}
