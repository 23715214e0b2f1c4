package io.ridemesh.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationWebFilterTest {

    @Test
    void keepsASaneCorrelationIdAndReplacesOthers() {
        assertThat(CorrelationWebFilter.correlationId("abc-123:x.y_z")).isEqualTo("abc-123:x.y_z");
        assertThat(CorrelationWebFilter.correlationId("has space")).hasSize(36);
        assertThat(CorrelationWebFilter.correlationId("x".repeat(129))).hasSize(36);
        assertThat(CorrelationWebFilter.correlationId(null)).hasSize(36);
    }

    @Test
    void continuesAValidTraceWithANewParentId() {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        String out = CorrelationWebFilter.traceparent(incoming);
        assertThat(out).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00");
        assertThat(out).doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void startsANewSampledTraceForAbsentOrInvalidContext() {
        for (String bad : new String[] {
            null,
            "",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"
        }) {
            assertThat(CorrelationWebFilter.traceparent(bad))
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                    .doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
        }
    }
}
