package io.ridemesh.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A JVM's CPU split from /proc: this test's own JVM has compiled code, and a process that is gone has no split. */
class JvmCpuTest {

    @Test
    void thisJvmHasSpentCpuAndSomeOfItCompiling() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
        long spin = 0;
        for (int i = 0; i < 5_000_000; i++) { // enough work for the JIT to compile something
            spin += Integer.toString(i).hashCode();
        }
        JvmCpu.Split split = JvmCpu.of(ProcessHandle.current().pid()).orElseThrow();

        assertThat(spin).isNotZero();
        assertThat(split.totalMicros()).isPositive();
        assertThat(split.jitMicros()).as("C1/C2 compiler threads").isPositive();
        assertThat(split.jitMicros() + split.gcMicros())
                .as("the parts are within the whole (10 ms ticks)")
                .isLessThanOrEqualTo(
                        split.totalMicros() + 10_000L * Runtime.getRuntime().availableProcessors());
        assertThat(split.minus(split)).isEqualTo(new JvmCpu.Split(0, 0, 0));
    }

    @Test
    void aProcessThatIsGoneHasNoSplit() {
        assertThat(JvmCpu.of(Integer.MAX_VALUE)).isEmpty();
    }
}
