package io.ridemesh.simulator;

import io.ridemesh.infra.PlatformCommands;
import java.util.List;

/** The simulator's {@code ./platform} commands: {@code demo} and {@code chaos}. */
public final class SimulatorCommands implements PlatformCommands {

    @Override
    public List<Object> commands() {
        return List.of(new DemoCommand(), new ChaosCommand());
    }
}
