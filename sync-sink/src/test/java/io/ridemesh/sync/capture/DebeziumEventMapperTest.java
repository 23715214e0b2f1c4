package io.ridemesh.sync.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ridemesh.sync.ChangeRecord;
import io.ridemesh.sync.ChangeRecordCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mapper on Connect records as the MariaDB connector builds them ({@link DebeziumRecords}).
 * Where the old path (JsonConverter text parsed by {@link LegacyJsonEventMapper}) is the
 * reference, the published topic, key and value must be the same strings.
 */
class DebeziumEventMapperTest {

    static final DebeziumRecords RECORDS = new DebeziumRecords();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DebeziumEventMapper mapper = new DebeziumEventMapper("a", 1);
    private final LegacyJsonEventMapper legacy = new LegacyJsonEventMapper("a", 1);

    // ---- the project's tables, every column

    static Map<String, Object> ride(long id, long version, long hlc, int origin) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("unit_id", 1);
        r.put("created_region", origin);
        r.put("rider_id", "rider-42");
        r.put("driver_id", null);
        r.put("status", "REQUESTED");
        r.put("terminal", 0);
        r.put("product", "SOLO");
        r.put("seats", 1);
        r.put("pickup_lat", 40.7128);
        r.put("pickup_lon", -74.006);
        r.put("dropoff_lat", 40.73061);
        r.put("dropoff_lon", -73.935242);
        r.put("quote_id", "q-1");
        r.put("quoted_fare_cents", 2350L);
        r.put("quoted_distance_metres", 5400L);
        r.put("quoted_duration_seconds", 900L);
        r.put("final_fare_cents", null);
        r.put("cancellation_fee_cents", null);
        r.put("currency", "USD");
        r.put("idempotency_key", "idem-\"quoted\"-ключ-🚕");
        r.put("request_hash", "a".repeat(64));
        r.put("requested_at_ms", 1_795_256_130_000L);
        r.put("updated_at_ms", 1_795_256_130_000L);
        r.put("assigned_at_ms", null);
        r.put("arrived_at_ms", null);
        r.put("actual_distance_metres", null);
        r.put("actual_duration_seconds", null);
        r.put("version", version);
        r.put("hlc", hlc);
        r.put("origin_region", origin);
        r.put("deleted", 0);
        return r;
    }

    static Map<String, Object> completedRide(long id, long version, long hlc, int origin) {
        Map<String, Object> r = ride(id, version, hlc, origin);
        r.put("driver_id", "driver-7");
        r.put("status", "COMPLETED");
        r.put("terminal", 1);
        r.put("final_fare_cents", 2575L);
        r.put("cancellation_fee_cents", 0L);
        r.put("assigned_at_ms", 1_795_256_131_000L);
        r.put("arrived_at_ms", 1_795_256_190_000L);
        r.put("actual_distance_metres", 5612L);
        r.put("actual_duration_seconds", 1012L);
        r.put("pickup_lat", -0.0);
        r.put("dropoff_lon", 179.99999999999997);
        r.put("quoted_fare_cents", Long.MAX_VALUE);
        r.put("requested_at_ms", Long.MIN_VALUE);
        return r;
    }

    static Map<String, Object> outbox(String payload) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", 9L);
        r.put("aggregate", "ride");
        r.put("aggregate_id", 5L);
        r.put("event_type", "RideRequested");
        r.put("payload", payload);
        r.put("occurred_at_ms", 1_795_256_130_001L);
        r.put("hlc", 117_655_978_893_312_001L);
        return r;
    }

    static Map<String, Object> unitHome(int origin, long hlc) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("unit_id", 1);
        r.put("unit_code", "nyc");
        r.put("home_region", 2);
        r.put("moved_at_ms", hlc == 0 ? null : 1_795_256_130_000L);
        r.put("version", 2L);
        r.put("hlc", hlc);
        r.put("origin_region", origin);
        r.put("deleted", 0);
        return r;
    }

    static Map<String, Object> drill(int origin) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", 77L);
        r.put("kind", "evacuate");
        r.put("region", 1);
        r.put("target_region", 2);
        r.put("started_at_ms", 1_795_256_130_000L);
        r.put("ended_at_ms", null);
        r.put("units_moved", "1,2");
        r.put("declared_down_at_ms", 1_795_256_129_000L);
        r.put("first_served_at_ms", null);
        r.put("rto_ms", null);
        r.put("executed_by", 1);
        r.put("version", 1L);
        r.put("hlc", 500L);
        r.put("origin_region", origin);
        r.put("deleted", 0);
        return r;
    }

    static Map<String, Object> quote() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("quote_id", "q-1");
        r.put("unit_id", 1);
        r.put("product", "SOLO");
        r.put("seats", 1);
        r.put("pickup_lat", 40.7);
        r.put("pickup_lon", -74.0);
        r.put("dropoff_lat", 40.8);
        r.put("dropoff_lon", -73.9);
        r.put("surge_cell", "8a2a1072b59ffff");
        r.put("metered_cents", 2000L);
        r.put("surged_cents", 2200L);
        r.put("surcharges_cents", 150L);
        r.put("extra_passenger_cents", 0L);
        r.put("fare_cents", 2350L);
        r.put("currency", "USD");
        r.put("surge_milli", 1100);
        r.put("distance_m", 5400L);
        r.put("duration_s", 900L);
        r.put("issued_at", LocalDateTime.of(2026, 11, 21, 10, 15, 30, 123_000_000));
        r.put("expires_at", LocalDateTime.of(2026, 11, 21, 10, 20, 30, 123_000_000));
        return r;
    }

    /** synctest.every_type with every column set (as the binlog reader delivers the values). */
    static Map<String, Object> everyType(long id, int origin) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("i", Integer.MIN_VALUE);
        r.put("iu", 4_294_967_295L);
        r.put("bu", Long.MAX_VALUE);
        r.put("si", (short) -32768);
        r.put("mi", 8_388_607);
        r.put("ti", (short) -128);
        r.put("t1", (short) 1);
        r.put("bo", true);
        r.put("bt", bits(0));
        r.put("b12", bits(0, 3, 11));
        r.put("d", 0.1);
        r.put("f", 3.4028235E38f);
        r.put("dec1", new BigDecimal("-12345678.9012"));
        r.put("v", "tab\there \"quote\" \\ back / slash \u0001 é 中 🚕");
        r.put("c", "USD");
        r.put("tx", "{\"json\": \"in text\"}\n");
        r.put("dt", LocalDateTime.of(1969, 12, 31, 23, 59, 59));
        r.put("dt3", LocalDateTime.of(2026, 11, 21, 10, 15, 30, 123_000_000));
        r.put("dt6", LocalDateTime.of(2026, 11, 21, 10, 15, 30, 123_456_000));
        r.put("ts", ZonedDateTime.of(2026, 11, 21, 10, 15, 30, 123_000_000, ZoneOffset.UTC));
        r.put("da", LocalDate.of(1960, 2, 29));
        r.put("tm", Duration.ofHours(23).plusMinutes(59).plusMillis(999));
        r.put("y", 2026);
        r.put("bl", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe});
        r.put("vb", "bin".getBytes(StandardCharsets.UTF_8));
        r.put("e", "POOL");
        r.put("st", "x,y");
        r.put("j", "{\"a\":[1,2,{\"b\":null}]}");
        r.put("g", point(-73.985, 40.758));
        r.put("with_default", 8L);
        r.put("version", 3L);
        r.put("hlc", 117_655_978_893_312_003L);
        r.put("origin_region", origin);
        r.put("deleted", 0);
        return r;
    }

    /** A POINT as the binlog holds it: the SRID, then the WKB (little endian). */
    private static byte[] point(double x, double y) {
        return java.nio.ByteBuffer.allocate(25)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(0)
                .put((byte) 1)
                .putInt(1)
                .putDouble(x)
                .putDouble(y)
                .array();
    }

    private static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) {
            b.set(i);
        }
        return b;
    }

    /** every_type with only the key and contract columns set: every other value NULL. */
    static Map<String, Object> everyTypeNulls(long id, int origin) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("with_default", 9L);
        r.put("version", 1L);
        r.put("hlc", 100L);
        r.put("origin_region", origin);
        r.put("deleted", 0);
        return r;
    }

    private static Map<String, Object> with(Map<String, Object> row, UnaryOperator<Map<String, Object>> change) {
        return change.apply(new LinkedHashMap<>(row));
    }

    // ---- same output as the JsonConverter path, for every table, column type and operation

    static Stream<Arguments> events() {
        DebeziumRecords r = RECORDS;
        Map<String, Object> ride1 = ride(5L, 1, 100, 1);
        Map<String, Object> ride2 = completedRide(5L, 2, 200, 1);
        Map<String, Object> every = everyType(11L, 1);
        Map<String, Object> nulls = everyTypeNulls(12L, 1);
        return Stream.of(
                Arguments.of("rides insert", r.insert("rides.rides", ride1)),
                Arguments.of("rides snapshot read", r.snapshotRead("rides.rides", ride1)),
                Arguments.of("rides update", r.update("rides.rides", ride1, ride2)),
                Arguments.of("rides hard delete", r.delete("rides.rides", ride2)),
                Arguments.of("rides applied from b", r.update("rides.rides", ride1, ride(5L, 2, 300, 2))),
                Arguments.of("rides tombstone", r.tombstone("rides.rides", Map.of("id", 5L))),
                Arguments.of("outbox insert", r.insert("rides.outbox_event", outbox("{\"rideId\":\"5\",\"x\":1.5}"))),
                Arguments.of(
                        "outbox insert, payload has envelope fields",
                        r.insert(
                                "rides.outbox_event",
                                outbox("{\"eventId\":\"e\",\"eventType\":\"T\",\"aggregate\":\"g\","
                                        + "\"aggregateId\":\"i\",\"occurredAtMs\":3,\"hlc\":4,\"region\":\"z\"}"))),
                Arguments.of("outbox insert, array payload", r.insert("rides.outbox_event", outbox("[1,2]"))),
                Arguments.of("outbox delete", r.delete("rides.outbox_event", outbox("{}"))),
                Arguments.of("unit_home seed (origin 0)", r.snapshotRead("routing.unit_home", unitHome(0, 0))),
                Arguments.of("unit_home move", r.update("routing.unit_home", unitHome(0, 0), unitHome(1, 900))),
                Arguments.of("drill insert", r.insert("routing.drill", drill(1))),
                Arguments.of("quote (regional)", r.insert("pricing.quote", quote())),
                Arguments.of(
                        "hlc_high_water (regional)",
                        r.update(
                                "rides.hlc_high_water",
                                Map.of("node_key", "n", "upper_bound", 1L),
                                Map.of("node_key", "n", "upper_bound", 2L))),
                Arguments.of("every type insert", r.insert("synctest.every_type", every)),
                Arguments.of("every type update", r.update("synctest.every_type", every, with(every, m -> {
                    m.put("hlc", 117_655_978_893_312_009L);
                    m.put("f", 1.1f);
                    m.put("d", -1.0E300);
                    m.put("bo", false);
                    m.put("bt", bits());
                    return m;
                }))),
                Arguments.of("every type delete", r.delete("synctest.every_type", every)),
                Arguments.of("every type, all NULL", r.insert("synctest.every_type", nulls)),
                Arguments.of("heartbeat", r.heartbeat()),
                Arguments.of("truncate", r.truncate("rides.rides")),
                Arguments.of("schema change", r.schemaChange("rides.rides")),
                Arguments.of("transaction marker", r.transactionMarker()));
    }

    /** The events of {@link #events()} that are not published (by either path). */
    private static final java.util.Set<String> NOT_PUBLISHED = java.util.Set.of(
            "rides applied from b",
            "rides tombstone",
            "outbox delete",
            "unit_home seed (origin 0)",
            "quote (regional)",
            "hlc_high_water (regional)",
            "heartbeat",
            "truncate",
            "schema change",
            "transaction marker");

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void publishesWhatTheJsonConverterPathPublished(String name, SourceRecord record) {
        String[] json = RECORDS.asJson(record);
        Optional<LegacyJsonEventMapper.Publication> expected = legacy.map(json[0], json[1]);
        Optional<DebeziumEventMapper.Publication> actual = mapper.map(record);

        assertThat(expected.isPresent()).as("published by the old path").isEqualTo(!NOT_PUBLISHED.contains(name));
        assertThat(actual.isPresent()).as("published").isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            assertThat(actual.get().topic()).isEqualTo(expected.get().topic());
            assertThat(actual.get().key()).isEqualTo(expected.get().key());
            assertThat(actual.get().value()).isEqualTo(expected.get().value());
            assertThat(actual.get().hlc()).isEqualTo(expected.get().hlc());
        }
    }

    // ---- behaviour

    @Test
    void publishesLocalWritesOfReplicatedTablesWithPrevHlc() {
        SourceRecord update = RECORDS.update("rides.rides", ride(5L, 1, 100, 1), completedRide(5L, 2, 200, 1));

        var p = mapper.map(update).orElseThrow();

        assertThat(p.topic()).isEqualTo("repl.a.rides.rides");
        assertThat(p.key()).isEqualTo("{\"id\":5}");
        assertThat(p.hlc()).isEqualTo(200);
        ChangeRecord r = ChangeRecordCodec.decode(p.value());
        assertThat(r.sourceRegion()).isEqualTo("a");
        assertThat(r.qualifiedTable()).isEqualTo("rides.rides");
        assertThat(r.key()).containsExactly(Map.entry("id", 5));
        assertThat(r.op()).isEqualTo("u");
        assertThat(r.hlc()).isEqualTo(200);
        assertThat(r.prevHlc()).isEqualTo(100);
        assertThat(r.originRegion()).isEqualTo(1);
        assertThat(r.version()).isEqualTo(2);
        assertThat(r.position()).isEqualTo(DebeziumRecords.BINLOG_FILE + ":" + positionOf(update));
        assertThat(r.gtid()).isEqualTo(DebeziumRecords.GTID);
        assertThat(r.commitMs()).isEqualTo(DebeziumRecords.COMMIT.toEpochMilli());
        assertThat(r.after())
                .containsEntry("status", "COMPLETED")
                .containsEntry("terminal", 1)
                .containsEntry("final_fare_cents", 2575)
                .containsEntry("quoted_fare_cents", Long.MAX_VALUE)
                .containsEntry("pickup_lat", -0.0)
                .containsEntry("dropoff_lat", 40.73061)
                .containsEntry("idempotency_key", "idem-\"quoted\"-ключ-🚕")
                .containsEntry("deleted", 0)
                .containsOnlyKeys(RECORDS.columns("rides.rides").stream()
                        .map(io.debezium.relational.Column::name)
                        .toList());
    }

    private static long positionOf(SourceRecord record) {
        String p = DebeziumEventMapper.position(record);
        return Long.parseLong(p.substring(p.indexOf(':') + 1));
    }

    @Test
    void publishesInsertsAndSnapshotReadsWithoutPrevHlc() {
        for (SourceRecord rec : List.of(
                RECORDS.insert("rides.rides", ride(5L, 1, 100, 1)),
                RECORDS.snapshotRead("rides.rides", ride(5L, 1, 100, 1)))) {
            ChangeRecord r =
                    ChangeRecordCodec.decode(mapper.map(rec).orElseThrow().value());
            assertThat(r.prevHlc()).isZero();
            assertThat(r.hlc()).isEqualTo(100);
            assertThat(r.after()).containsEntry("driver_id", null).containsEntry("final_fare_cents", null);
        }
        ChangeRecord read =
                ChangeRecordCodec.decode(mapper.map(RECORDS.snapshotRead("rides.rides", ride(5L, 1, 100, 1)))
                        .orElseThrow()
                        .value());
        assertThat(read.op()).isEqualTo("r");
        assertThat(read.gtid()).isEmpty();
    }

    @Test
    void doesNotPublishRowsAppliedFromAnotherRegion() {
        assertThat(mapper.map(RECORDS.insert("rides.rides", ride(5L, 1, 100, 2))))
                .isEmpty();
        assertThat(mapper.map(RECORDS.update("rides.rides", ride(5L, 1, 100, 1), ride(5L, 2, 200, 2))))
                .isEmpty();
        assertThat(mapper.map(RECORDS.delete("rides.rides", ride(5L, 2, 200, 3))))
                .isEmpty();
        assertThat(mapper.map(RECORDS.snapshotRead("routing.unit_home", unitHome(0, 0))))
                .as("the seed every region holds")
                .isEmpty();
    }

    @Test
    void publishesTheRowOfTheRegionThatWroteIt() {
        DebeziumEventMapper b = new DebeziumEventMapper("b", 2);
        var p = b.map(RECORDS.update("rides.rides", ride(5L, 1, 100, 1), ride(5L, 2, 200, 2)))
                .orElseThrow();
        assertThat(p.topic()).isEqualTo("repl.b.rides.rides");
        assertThat(ChangeRecordCodec.decode(p.value()).originRegion()).isEqualTo(2);
    }

    @Test
    void doesNotPublishRegionalTablesWithoutTheContract() {
        assertThat(mapper.map(RECORDS.insert("pricing.quote", quote()))).isEmpty();
        assertThat(mapper.map(
                        RECORDS.insert("rides.hlc_high_water", Map.of("node_key", "order-a-1", "upper_bound", 5L))))
                .isEmpty();
    }

    @Test
    void publishesOutboxInsertsToTheAggregatesEventsTopic() throws Exception {
        var p = mapper.map(RECORDS.insert("rides.outbox_event", outbox("{\"rideId\":\"5\",\"eventType\":\"Kept\"}")))
                .orElseThrow();

        assertThat(p.topic()).isEqualTo("events.a.ride");
        assertThat(p.key()).isEqualTo("5");
        assertThat(p.hlc()).isEqualTo(117_655_978_893_312_001L);
        JsonNode event = JSON.readTree(p.value());
        assertThat(event.path("rideId").asText()).isEqualTo("5");
        assertThat(event.path("eventType").asText())
                .as("the payload's own field wins")
                .isEqualTo("Kept");
        assertThat(event.path("eventId").asText()).isEqualTo("9");
        assertThat(event.path("aggregate").asText()).isEqualTo("ride");
        assertThat(event.path("aggregateId").asText()).isEqualTo("5");
        assertThat(event.path("occurredAtMs").asLong()).isEqualTo(1_795_256_130_001L);
        assertThat(event.path("hlc").asLong()).isEqualTo(117_655_978_893_312_001L);
        assertThat(event.path("region").asText()).isEqualTo("a");
    }

    @Test
    void ignoresOutboxUpdatesAndDeletes() {
        assertThat(mapper.map(RECORDS.update("rides.outbox_event", outbox("{}"), outbox("{\"x\":1}"))))
                .isEmpty();
        assertThat(mapper.map(RECORDS.delete("rides.outbox_event", outbox("{}"))))
                .isEmpty();
    }

    @Test
    void refusesAnOutboxPayloadThatIsNotJson() {
        assertThatThrownBy(() -> mapper.map(RECORDS.insert("rides.outbox_event", outbox("{not json"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outbox payload");
    }

    @Test
    void turnsAHardDeleteIntoATombstoneVersionAfterTheDeletedOne() {
        var p = mapper.map(RECORDS.delete("rides.rides", ride(5L, 3, 300, 1))).orElseThrow();

        assertThat(p.hlc()).isEqualTo(301);
        ChangeRecord r = ChangeRecordCodec.decode(p.value());
        assertThat(r.op()).isEqualTo("d");
        assertThat(r.hlc()).isEqualTo(301);
        assertThat(r.prevHlc()).isEqualTo(300);
        assertThat(r.version()).isEqualTo(4);
        assertThat(r.after())
                .containsEntry("deleted", 1)
                .containsEntry("hlc", 301)
                .containsEntry("version", 4)
                .containsEntry("status", "REQUESTED");
    }

    @Test
    void skipsTheNullValueThatFollowsADelete() {
        SourceRecord tombstone = RECORDS.tombstone("rides.rides", Map.of("id", 5L));
        assertThat(mapper.map(tombstone)).isEmpty();
        assertThat(DebeziumEventMapper.position(tombstone)).isNull();
    }

    @Test
    void ignoresHeartbeatsTruncatesSchemaChangesAndTransactionMarkers() {
        assertThat(mapper.map(RECORDS.heartbeat())).isEmpty();
        assertThat(mapper.map(RECORDS.truncate("rides.rides"))).isEmpty();
        assertThat(mapper.map(RECORDS.schemaChange("rides.rides"))).isEmpty();
        assertThat(mapper.map(RECORDS.transactionMarker())).isEmpty();
        assertThat(DebeziumEventMapper.position(RECORDS.heartbeat())).isNull();
    }

    @Test
    void refusesAReplicatedTableWithoutPrimaryKey() {
        Map<String, Object> row = Map.of("payload", "x", "version", 1L, "hlc", 1L, "origin_region", 1, "deleted", 0);
        assertThatThrownBy(() -> mapper.map(RECORDS.insert("synctest.keyless", row)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("synctest.keyless has no primary key");
    }

    @Test
    void exposesTheBinlogPositionOfEveryRowEvent() {
        SourceRecord published = RECORDS.insert("rides.rides", ride(5L, 1, 100, 1));
        assertThat(DebeziumEventMapper.position(published)).isEqualTo(RECORDS.lastPosition());
        SourceRecord notPublished = RECORDS.insert("rides.rides", ride(6L, 1, 100, 2));
        assertThat(DebeziumEventMapper.position(notPublished)).isEqualTo(RECORDS.lastPosition());
    }

    @Test
    void rendersEveryColumnTypeAsApplyReadsIt() {
        ChangeRecord r = ChangeRecordCodec.decode(mapper.map(RECORDS.insert("synctest.every_type", everyType(11L, 1)))
                .orElseThrow()
                .value());

        assertThat(r.after())
                .containsEntry("i", Integer.MIN_VALUE)
                .containsEntry("iu", 4_294_967_295L)
                .containsEntry("bu", Long.MAX_VALUE)
                .containsEntry("si", -32768)
                .containsEntry("mi", 8_388_607)
                .containsEntry("ti", -128)
                .containsEntry("t1", 1)
                .containsEntry("bo", true)
                .containsEntry("bt", true) // BIT(1): boolean
                .containsEntry("b12", "CQg=") // Debezium's Bits: bytes, base64 like any BYTES value
                .containsEntry("d", 0.1)
                .containsEntry("f", 3.4028235E38)
                .containsEntry("dec1", "-12345678.9012") // decimal.handling.mode=string
                .containsEntry("v", "tab\there \"quote\" \\ back / slash \u0001 é 中 🚕")
                .containsEntry("c", "USD")
                .containsEntry("dt", -1000) // Timestamp: epoch ms (time.precision.mode=connect)
                .containsEntry("dt3", 1_795_256_130_123L)
                .containsEntry("dt6", 1_795_256_130_123L) // connect mode keeps ms only
                .containsEntry("ts", "2026-11-21T10:15:30.123Z") // ZonedTimestamp: ISO text
                .containsEntry("da", (int) LocalDate.of(1960, 2, 29).toEpochDay()) // Date: epoch days
                .containsEntry("tm", 86_340_999) // Time: ms of the day
                .containsEntry("y", 2026)
                .containsEntry("bl", "AAEC//4=") // binary.handling.mode=base64
                .containsEntry("vb", "Ymlu")
                .containsEntry("e", "POOL")
                .containsEntry("st", "x,y")
                .containsEntry("j", "{\"a\":[1,2,{\"b\":null}]}")
                .containsEntry("with_default", 8)
                .containsEntry("deleted", 0);
        // a nested struct (Debezium's Point): an object, fields sorted, its WKB in base64
        String wkb = java.util.Base64.getEncoder()
                .encodeToString(java.util.Arrays.copyOfRange(point(-73.985, 40.758), 4, 25));
        assertThat(r.after().get("g")).hasToString("{srid=null, wkb=" + wkb + ", x=-73.985, y=40.758}");
    }

    @Test
    void publishesANullColumnAsNullEvenWhereTheColumnHasADefault() {
        Map<String, Object> row = everyTypeNulls(12L, 1);
        row.put("with_default", null);
        SourceRecord insert = RECORDS.insert("synctest.every_type", row);

        ChangeRecord r =
                ChangeRecordCodec.decode(mapper.map(insert).orElseThrow().value());

        assertThat(r.after()).containsEntry("with_default", null).containsEntry("v", null);
        // the JsonConverter path published the column default (replace.null.with.default)
        String[] json = RECORDS.asJson(insert);
        assertThat(ChangeRecordCodec.decode(
                                legacy.map(json[0], json[1]).orElseThrow().value())
                        .after())
                .containsEntry("with_default", 7);
    }
}
