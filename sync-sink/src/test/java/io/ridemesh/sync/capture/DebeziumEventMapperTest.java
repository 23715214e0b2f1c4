package io.ridemesh.sync.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.sync.ChangeRecord;
import io.ridemesh.sync.ChangeRecordCodec;
import org.junit.jupiter.api.Test;

class DebeziumEventMapperTest {

    private final DebeziumEventMapper mapper = new DebeziumEventMapper("a", 1);

    private static String event(String op, String before, String after, String table) {
        return "{\"before\":" + before + ",\"after\":" + after + ",\"source\":{\"db\":\"rides\",\"table\":\"" + table
                + "\",\"file\":\"mysql-bin.000001\",\"pos\":42,\"gtid\":\"1-1-7\",\"ts_ms\":1700000000000},\"op\":\""
                + op + "\"}";
    }

    private static String row(long hlc, int origin, long version) {
        return "{\"id\":5,\"status\":\"REQUESTED\",\"version\":" + version + ",\"hlc\":" + hlc + ",\"origin_region\":"
                + origin + ",\"deleted\":0}";
    }

    @Test
    void publishesLocalWritesOfReplicatedTablesWithPrevHlc() {
        var p = mapper.map("{\"id\":5}", event("u", row(100, 1, 1), row(200, 1, 2), "rides"))
                .orElseThrow();
        assertThat(p.topic()).isEqualTo("repl.a.rides.rides");
        assertThat(p.key()).isEqualTo("{\"id\":5}");
        ChangeRecord r = ChangeRecordCodec.decode(p.value());
        assertThat(r.hlc()).isEqualTo(200);
        assertThat(r.prevHlc()).isEqualTo(100);
        assertThat(r.originRegion()).isEqualTo(1);
        assertThat(r.version()).isEqualTo(2);
        assertThat(r.position()).isEqualTo("mysql-bin.000001:42");
        assertThat(r.gtid()).isEqualTo("1-1-7");
    }

    @Test
    void doesNotPublishRowsAppliedFromAnotherRegion() {
        assertThat(mapper.map("{\"id\":5}", event("u", row(100, 1, 1), row(200, 2, 2), "rides")))
                .isEmpty();
    }

    @Test
    void doesNotPublishRegionalTablesWithoutTheContract() {
        assertThat(mapper.map("{\"id\":5}", event("c", "null", "{\"id\":5,\"payload\":\"x\"}", "cache")))
                .isEmpty();
    }

    @Test
    void publishesOutboxInsertsToTheAggregatesEventsTopic() {
        String outbox = "{\"id\":9,\"aggregate\":\"ride\",\"aggregate_id\":5,\"event_type\":\"RideRequested\","
                + "\"payload\":\"{\\\"rideId\\\":\\\"5\\\"}\",\"occurred_at_ms\":1,\"hlc\":2}";
        var p = mapper.map("{\"id\":9}", event("c", "null", outbox, "outbox_event"))
                .orElseThrow();
        assertThat(p.topic()).isEqualTo("events.a.ride");
        assertThat(p.key()).isEqualTo("5");
        assertThat(p.value())
                .contains("\"eventType\":\"RideRequested\"")
                .contains("\"eventId\":\"9\"")
                .contains("\"rideId\":\"5\"")
                .contains("\"region\":\"a\"");
    }

    @Test
    void ignoresOutboxDeletes() {
        String outbox = "{\"id\":9,\"aggregate\":\"ride\",\"aggregate_id\":5,\"event_type\":\"X\",\"payload\":\"{}\"}";
        assertThat(mapper.map("{\"id\":9}", event("d", outbox, "null", "outbox_event")))
                .isEmpty();
    }

    @Test
    void turnsAHardDeleteIntoATombstoneVersionAfterTheDeletedOne() {
        var p = mapper.map("{\"id\":5}", event("d", row(300, 1, 3), "null", "rides"))
                .orElseThrow();
        ChangeRecord r = ChangeRecordCodec.decode(p.value());
        assertThat(r.hlc()).isEqualTo(301);
        assertThat(r.prevHlc()).isEqualTo(300);
        assertThat(r.after()).containsEntry("deleted", 1);
    }

    @Test
    void skipsTheNullValueThatFollowsADelete() {
        assertThat(mapper.map("{\"id\":5}", null)).isEmpty();
    }
}
