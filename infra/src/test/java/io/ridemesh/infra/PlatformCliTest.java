package io.ridemesh.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCliTest {

    @TempDir
    Path home;

    @Test
    void rejectsUnknownRegionCount() {
        String err = runCapturingErr("--home", home.toString(), "up", "--regions", "9", "--infra-only");
        assertThat(err).contains("--regions must be in 1..8, but was 9");
    }

    @Test
    void rejectsZeroRegions() {
        String err = runCapturingErr("--home", home.toString(), "up", "--regions", "0", "--infra-only");
        assertThat(err).contains("--regions must be in 1..8, but was 0");
    }

    @Test
    void takenPortIsNamedInTheError() throws Exception {
        try (ServerSocket squatter = squatOnKafkaOfRegionA()) {
            int kafkaOfRegionA = squatter.getLocalPort();
            int base = kafkaOfRegionA - 1000 - 92;
            String err = runCapturingErr(
                    "--home",
                    home.toString(),
                    "--base-port",
                    Integer.toString(base),
                    "up",
                    "--regions",
                    "1",
                    "--infra-only");
            assertThat(err).contains("port " + kafkaOfRegionA).contains("already in use");
        }
        assertThat(Files.exists(home.resolve("run"))).isFalse();
    }

    @Test
    void rejectsBasePortOutsideThePlan() {
        String err = runCapturingErr("--home", home.toString(), "--base-port", "3306", "status");
        assertThat(err).contains("base port must be a multiple of 1000 in 10000..50000, but was 3306");
    }

    @Test
    void statusOfANeverStartedPlaygroundIsAnEmptyJsonArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(PlatformCli.run("--home", home.toString(), "status", "--json"))
                    .isZero();
        } finally {
            System.setOut(old);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("[]");
    }

    /**
     * Binds region a's Kafka port of the first base port in the plan whose port is free on this machine: a fixed port
     * may be held by anything else running (CI once found 46092 taken), and ports below 32768 stay out of the
     * ephemeral range.
     */
    private static ServerSocket squatOnKafkaOfRegionA() throws IOException {
        for (int base = 31000; base >= 10000; base -= 1000) {
            try {
                return new ServerSocket(base + 1000 + 92, 1, InetAddress.getLoopbackAddress());
            } catch (BindException taken) {
                // try the next base port
            }
        }
        throw new IllegalStateException("no base port in 10000..31000 has region a's Kafka port free");
    }

    private static String runCapturingErr(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = PlatformCli.run(args);
            assertThat(code).isNotZero();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
