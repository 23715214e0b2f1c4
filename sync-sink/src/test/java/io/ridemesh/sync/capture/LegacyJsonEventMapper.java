package io.ridemesh.sync.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ridemesh.sync.ChangeRecord;
import io.ridemesh.sync.ChangeRecordCodec;
import io.ridemesh.sync.SyncSinkProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The capture mapper as it was before capture switched to the Connect format: kept, in test scope
 * only, as the reference the Struct path must publish the same values as, and for the micro
 * benchmark. Turns one Debezium change event (JSON, schemas disabled) into what capture publishes, or
 * nothing. Pure and thread-safe.
 *
 * <ul>
 *   <li>A table is replicated iff its row has the four contract columns ({@code version},
 *       {@code hlc}, {@code origin_region}, {@code deleted}); regional tables (outbox, caches,
 *       Flyway history, HLC high-water marks) lack them and are never published to {@code repl.*}.
 *   <li>Only rows whose {@code origin_region} is the local region are published: rows written by
 *       apply carry their source region, so nothing loops.
 *   <li>Inserted rows of a table named {@code outbox_event} go to
 *       {@code events.<region>.<aggregate>} keyed by {@code aggregate_id}.
 *   <li>A hard delete (a contract violation) is published as a tombstone version one logical
 *       tick after the deleted version, so the other regions mark the row deleted.
 * </ul>
 */
final class LegacyJsonEventMapper {

    static final Set<String> CONTRACT_COLUMNS = Set.of("version", "hlc", "origin_region", "deleted");
    static final String OUTBOX_TABLE = "outbox_event";

    private final ObjectMapper json = new ObjectMapper();
    private final String regionName;
    private final int regionId;

    LegacyJsonEventMapper(String regionName, int regionId) {
        this.regionName = regionName;
        this.regionId = regionId;
    }

    /** A message for Kafka. */
    record Publication(String topic, String key, String value, long hlc) {}

    /**
     * @param keyJson Debezium's key JSON (primary-key columns), may be null for keyless tables
     * @param valueJson Debezium's value JSON; null for the tombstone that follows a delete
     */
    Optional<Publication> map(String keyJson, String valueJson) {
        if (valueJson == null) {
            return Optional.empty();
        }
        try {
            JsonNode value = json.readTree(valueJson);
            JsonNode source = value.path("source");
            String op = value.path("op").asText("");
            String schema = source.path("db").asText("");
            String table = source.path("table").asText("");
            if (op.isEmpty() || table.isEmpty()) {
                return Optional.empty(); // heartbeat, schema change or transaction marker
            }
            JsonNode before = value.path("before");
            JsonNode after = value.path("after");
            if (OUTBOX_TABLE.equals(table)) {
                return op.equals("c") ? Optional.of(outbox(after)) : Optional.empty();
            }
            JsonNode image = op.equals("d") ? before : after;
            if (!image.isObject() || !hasContract(image)) {
                return Optional.empty();
            }
            if (image.path("origin_region").asInt(-1) != regionId) {
                return Optional.empty(); // applied from another region: publishing it would loop
            }
            Map<String, Object> row = toMap(image);
            long hlc = image.path("hlc").asLong();
            long prevHlc = before.isObject() ? before.path("hlc").asLong(0) : 0L;
            long version = image.path("version").asLong();
            if (op.equals("d")) {
                prevHlc = hlc;
                hlc = hlc + 1;
                version = version + 1;
                row.put("hlc", hlc);
                row.put("version", version);
                row.put("deleted", 1);
            }
            Map<String, Object> key = keyJson == null ? Map.of() : toMap(json.readTree(keyJson));
            if (key.isEmpty()) {
                throw new IllegalStateException("replicated table " + schema + "." + table + " has no primary key");
            }
            ChangeRecord record = new ChangeRecord(
                    regionName,
                    schema,
                    table,
                    key,
                    op,
                    row,
                    hlc,
                    prevHlc,
                    regionId,
                    version,
                    source.path("gtid").asText(""),
                    source.path("file").asText("") + ":" + source.path("pos").asLong(),
                    source.path("ts_ms").asLong());
            return Optional.of(new Publication(
                    SyncSinkProperties.replTopic(regionName, schema, table),
                    ChangeRecordCodec.encodeKey(key),
                    ChangeRecordCodec.encode(record),
                    hlc));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable Debezium event: " + e.getMessage(), e);
        }
    }

    /**
     * The outbox row's payload is the event (outbox-router pattern): it is published as the
     * Kafka value, with the row's envelope fields added where the payload lacks them
     * ({@code eventId}, {@code eventType}, {@code aggregate}, {@code aggregateId},
     * {@code occurredAtMs}, {@code hlc}) and the capturing {@code region}.
     */
    private Publication outbox(JsonNode after) throws java.io.IOException {
        String aggregate = after.path("aggregate").asText("unknown");
        JsonNode parsed = json.readTree(after.path("payload").asText("{}"));
        com.fasterxml.jackson.databind.node.ObjectNode event =
                parsed instanceof com.fasterxml.jackson.databind.node.ObjectNode o
                        ? o
                        : json.createObjectNode().set("payload", parsed);
        putIfAbsent(event, "eventId", after.path("id").asText());
        putIfAbsent(event, "eventType", after.path("event_type").asText());
        putIfAbsent(event, "aggregate", aggregate);
        putIfAbsent(event, "aggregateId", after.path("aggregate_id").asText());
        if (!event.has("occurredAtMs")) {
            event.put("occurredAtMs", after.path("occurred_at_ms").asLong());
        }
        if (!event.has("hlc")) {
            event.put("hlc", after.path("hlc").asLong());
        }
        event.put("region", regionName);
        return new Publication(
                SyncSinkProperties.eventsTopic(regionName, aggregate),
                Long.toString(after.path("aggregate_id").asLong()),
                json.writeValueAsString(event),
                after.path("hlc").asLong());
    }

    private static void putIfAbsent(com.fasterxml.jackson.databind.node.ObjectNode node, String field, String value) {
        if (!node.has(field)) {
            node.put(field, value);
        }
    }

    private static boolean hasContract(JsonNode row) {
        for (String column : CONTRACT_COLUMNS) {
            if (!row.has(column)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("deprecation") // as it was
    private Map<String, Object> toMap(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), json.convertValue(e.getValue(), Object.class)));
        return map;
    }
}
