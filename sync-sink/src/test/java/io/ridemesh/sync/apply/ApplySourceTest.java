package io.ridemesh.sync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which replication topics an apply takes from a peer region's cluster, and from a shared one. */
class ApplySourceTest {

    @Test
    void aPeerSourceTakesOnlyThatRegionsReplicationTopics() {
        var source = Apply.Source.peer("b", "127.0.0.1:22092");
        assertThat(source.topics().matcher("repl.b.rides.rides").matches()).isTrue();
        assertThat(source.topics().matcher("repl.c.rides.rides").matches()).isFalse();
        assertThat(source.topics().matcher("repl.a.rides.rides").matches()).isFalse();
        assertThat(source.topics().matcher("events.b.ride").matches()).isFalse();
        assertThat(source.topics().matcher("repl-dlq.b").matches()).isFalse();
    }

    @Test
    void theSharedClusterSourceTakesEveryOtherRegionsTopics() {
        var topics = Apply.topicsOfOtherRegions("a");
        assertThat(topics.matcher("repl.b.rides.rides").matches()).isTrue();
        assertThat(topics.matcher("repl.c.dispatch.drivers").matches()).isTrue();
        assertThat(topics.matcher("repl.a.rides.rides").matches()).isFalse();
    }

    @Test
    void aSourceNeedsBootstrapServers() {
        assertThatThrownBy(() -> Apply.Source.peer("b", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source b");
    }
}
