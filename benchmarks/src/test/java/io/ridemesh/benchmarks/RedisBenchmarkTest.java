package io.ridemesh.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisBenchmarkTest {

    @Test
    void readsTheFinalRateOfRedis7QuietOutputAndSkipsTheProgressUpdates() {
        String output = "GEOADD bench:geo 13.36 38.11 member:__rand_int__: rps=438603.2 (overall: 433443.2)"
                + " avg_msec=7.040 (overall: 7.040)\r                                                    \r"
                + "GEOADD bench:geo 13.36 38.11 member:__rand_int__: 483091.78 requests per second, p50=6.047 msec"
                + "                    \n";
        assertThat(RedisBenchmark.parseRequestsPerSecond(output)).hasValue(483091.78);
    }

    @Test
    void readsRedis6QuietOutput() {
        String output = "GEOADD bench:geo 13.36 38.11 member:__rand_int__: 1219512 requests per second\n";
        assertThat(RedisBenchmark.parseRequestsPerSecond(output)).hasValue(1219512);
    }

    @Test
    void takesTheLastRateWhenSeveralTestsRan() {
        String output = "PING_INLINE: 100000.00 requests per second\nGEOADD x: 250000.50 requests per second\n";
        assertThat(RedisBenchmark.parseRequestsPerSecond(output)).hasValue(250000.5);
    }

    @Test
    void answersEmptyWithoutAFinalRate() {
        assertThat(RedisBenchmark.parseRequestsPerSecond(
                        "Could not connect to Redis at 127.0.0.1:1: Connection" + " refused\n"))
                .isEmpty();
        assertThat(RedisBenchmark.parseRequestsPerSecond("GEOADD x: rps=1000.0 (overall: 1000.0) avg_msec=1.0"))
                .isEmpty();
    }
}
