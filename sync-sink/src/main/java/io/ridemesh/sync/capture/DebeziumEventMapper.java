package io.ridemesh.sync.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ridemesh.sync.SyncSinkProperties;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;

/**
 * Turns one Debezium change event (a Connect {@link SourceRecord} whose value is the envelope
 * {@link Struct}) into what capture publishes, or nothing. Thread-safe; the only state is a cache
 * of per-schema field orders.
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
 *
 * <p>The published value is the JSON of a {@link io.ridemesh.sync.ChangeRecord}, written here in
 * one pass straight from the Struct (no intermediate JSON text, tree or map), with exactly the
 * bytes {@link io.ridemesh.sync.ChangeRecordCodec#encode} gives (fields in record order, map
 * entries sorted by key), and column values as Kafka's JsonConverter renders them with schemas
 * disabled: the engine's configuration ({@code decimal.handling.mode=string},
 * {@code binary.handling.mode=base64}, {@code time.precision.mode=connect}) leaves only these
 * Connect types: integers and floating point as JSON numbers, strings, booleans, BYTES (Debezium's
 * {@code Bits}) as base64, {@code Timestamp} as epoch ms, {@code Date} as epoch days, {@code Time}
 * as ms of the day, nested structs (geometry) as objects. Apply's {@code JdbcMerger.toJdbc} reads
 * exactly these.
 *
 * <p>One deliberate difference from the JsonConverter: a SQL NULL is published as null even when
 * the column has a default. JsonConverter ({@code replace.null.with.default=true}) published the
 * column default instead, so a region that wrote NULL and the regions applying its change would
 * have held different values.
 */
public final class DebeziumEventMapper {

    static final String OUTBOX_TABLE = "outbox_event";

    private static final Comparator<Field> BY_NAME = Comparator.comparing(Field::name);

    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = json.getFactory();
    /** Per struct schema name, its fields sorted by name: schemas are rebuilt only on DDL. */
    private final Map<String, Layout> layouts = new ConcurrentHashMap<>();

    private final String regionName;
    private final int regionId;

    public DebeziumEventMapper(String regionName, int regionId) {
        this.regionName = regionName;
        this.regionId = regionId;
    }

    /** A message for Kafka. */
    public record Publication(String topic, String key, String value, long hlc) {}

    /**
     * @param record a change event; its value is null for the tombstone that follows a delete, a
     *     heartbeat or other non-envelope struct for events that carry no row change
     * @throws IllegalStateException if a replicated table has no primary key
     * @throws IllegalArgumentException if an outbox payload is not JSON
     */
    public Optional<Publication> map(SourceRecord record) {
        if (!(record.value() instanceof Struct value)) {
            return Optional.empty();
        }
        String op = string(value, "op");
        Struct source = struct(value, "source");
        String table = source == null ? null : string(source, "table");
        if (op == null || op.isEmpty() || table == null || table.isEmpty()) {
            return Optional.empty(); // heartbeat, schema change or transaction marker
        }
        Struct before = struct(value, "before");
        Struct after = struct(value, "after");
        if (OUTBOX_TABLE.equals(table)) {
            return op.equals("c") && after != null ? Optional.of(outbox(after)) : Optional.empty();
        }
        boolean delete = op.equals("d");
        Struct image = delete ? before : after;
        if (image == null) {
            return Optional.empty();
        }
        Layout row = layout(image.schema());
        if (!row.replicated()) {
            return Optional.empty();
        }
        if (!(image.get(row.originRegion) instanceof Number origin) || origin.intValue() != regionId) {
            return Optional.empty(); // applied from another region: publishing it would loop
        }
        long hlc = longOf(image.get(row.hlc), 0L);
        long version = longOf(image.get(row.version), 0L);
        long prevHlc = before != null ? longOf(field(before, "hlc"), 0L) : 0L;
        if (delete) {
            prevHlc = hlc;
            hlc = hlc + 1;
            version = version + 1;
        }
        String db = string(source, "db");
        String schema = db == null ? "" : db;
        if (!(record.key() instanceof Struct key) || key.schema().fields().isEmpty()) {
            throw new IllegalStateException("replicated table " + schema + "." + table + " has no primary key");
        }
        try {
            StringWriter keyText = new StringWriter(64);
            try (JsonGenerator g = factory.createGenerator(keyText)) {
                writeStruct(g, key);
            }
            String keyJson = keyText.toString();
            String file = string(source, "file");
            String gtid = string(source, "gtid");
            StringWriter valueText = new StringWriter(512);
            try (JsonGenerator g = factory.createGenerator(valueText)) {
                g.writeStartObject();
                g.writeStringField("source_region", regionName);
                g.writeStringField("schema", schema);
                g.writeStringField("table", table);
                g.writeFieldName("key");
                g.writeRawValue(keyJson);
                g.writeStringField("op", op);
                g.writeFieldName("after");
                writeRow(g, image, row, delete, hlc, version);
                g.writeNumberField("hlc", hlc);
                g.writeNumberField("prev_hlc", prevHlc);
                g.writeNumberField("origin_region", regionId);
                g.writeNumberField("version", version);
                g.writeStringField("gtid", gtid == null ? "" : gtid);
                g.writeStringField("position", (file == null ? "" : file) + ":" + longOf(field(source, "pos"), 0L));
                g.writeNumberField("commit_ms", longOf(field(source, "ts_ms"), 0L));
                g.writeEndObject();
            }
            return Optional.of(new Publication(
                    SyncSinkProperties.replTopic(regionName, schema, table), keyJson, valueText.toString(), hlc));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot write the change record of " + schema + "." + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * The binlog position ({@code file:pos}) a change event was read at, or null for events without
     * one (the tombstone after a delete, heartbeats).
     */
    public static @Nullable String position(SourceRecord record) {
        if (!(record.value() instanceof Struct value)) {
            return null;
        }
        Struct source = struct(value, "source");
        if (source == null) {
            return null;
        }
        String file = string(source, "file");
        Object pos = field(source, "pos");
        return file == null || !(pos instanceof Number p) ? null : file + ":" + p.longValue();
    }

    /**
     * The outbox row's payload is the event (outbox-router pattern): it is published as the
     * Kafka value, with the row's envelope fields added where the payload lacks them
     * ({@code eventId}, {@code eventType}, {@code aggregate}, {@code aggregateId},
     * {@code occurredAtMs}, {@code hlc}) and the capturing {@code region}.
     */
    private Publication outbox(Struct after) {
        String aggregate = text(field(after, "aggregate"), "unknown");
        JsonNode parsed;
        try {
            parsed = json.readTree(text(field(after, "payload"), "{}"));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable outbox payload: " + e.getMessage(), e);
        }
        ObjectNode event =
                parsed instanceof ObjectNode o ? o : json.createObjectNode().set("payload", parsed);
        putIfAbsent(event, "eventId", text(field(after, "id"), ""));
        putIfAbsent(event, "eventType", text(field(after, "event_type"), ""));
        putIfAbsent(event, "aggregate", aggregate);
        putIfAbsent(event, "aggregateId", text(field(after, "aggregate_id"), ""));
        long hlc = longOf(field(after, "hlc"), 0L);
        if (!event.has("occurredAtMs")) {
            event.put("occurredAtMs", longOf(field(after, "occurred_at_ms"), 0L));
        }
        if (!event.has("hlc")) {
            event.put("hlc", hlc);
        }
        event.put("region", regionName);
        String value;
        try {
            value = json.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write outbox event: " + e.getMessage(), e);
        }
        return new Publication(
                SyncSinkProperties.eventsTopic(regionName, aggregate),
                Long.toString(longOf(field(after, "aggregate_id"), 0L)),
                value,
                hlc);
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.has(field)) {
            node.put(field, value);
        }
    }

    /** The after-image, with the tombstone's hlc, version and deleted flag for a hard delete. */
    private void writeRow(JsonGenerator g, Struct image, Layout row, boolean delete, long hlc, long version)
            throws IOException {
        g.writeStartObject();
        for (Field f : row.sorted) {
            g.writeFieldName(f.name());
            if (delete && f == row.hlc) {
                g.writeNumber(hlc);
            } else if (delete && f == row.version) {
                g.writeNumber(version);
            } else if (delete && f == row.deleted) {
                g.writeNumber(1);
            } else {
                writeValue(g, f.schema(), valueOf(image, f));
            }
        }
        g.writeEndObject();
    }

    private void writeStruct(JsonGenerator g, Struct struct) throws IOException {
        g.writeStartObject();
        for (Field f : layout(struct.schema()).sorted) {
            g.writeFieldName(f.name());
            writeValue(g, f.schema(), valueOf(struct, f));
        }
        g.writeEndObject();
    }

    /** As JsonConverter renders it (schemas disabled), maps and struct fields sorted by key. */
    private void writeValue(JsonGenerator g, Schema schema, @Nullable Object value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        String logical = schema.name();
        if (logical != null) {
            switch (logical) {
                case Timestamp.LOGICAL_NAME -> {
                    g.writeNumber(Timestamp.fromLogical(schema, (java.util.Date) value));
                    return;
                }
                case Date.LOGICAL_NAME -> {
                    g.writeNumber(Date.fromLogical(schema, (java.util.Date) value));
                    return;
                }
                case Time.LOGICAL_NAME -> {
                    g.writeNumber(Time.fromLogical(schema, (java.util.Date) value));
                    return;
                }
                case Decimal.LOGICAL_NAME -> {
                    // Not produced under decimal.handling.mode=string. JsonConverter would write the
                    // unscaled bytes in base64, which apply cannot read; the number as text it can.
                    g.writeString(((BigDecimal) value).toPlainString());
                    return;
                }
                default -> {
                    // Debezium's semantic types (ZonedTimestamp, Year, Enum, Json, Bits, ...) are
                    // plain Connect types underneath, rendered as such.
                }
            }
        }
        switch (schema.type()) {
            case INT8, INT16, INT32 -> g.writeNumber(((Number) value).intValue());
            case INT64 -> g.writeNumber(((Number) value).longValue());
            case FLOAT32 -> g.writeNumber(((Number) value).floatValue());
            case FLOAT64 -> g.writeNumber(((Number) value).doubleValue());
            case BOOLEAN -> g.writeBoolean((Boolean) value);
            case STRING -> g.writeString(value.toString());
            case BYTES -> g.writeBinary(bytesOf(value));
            case ARRAY -> {
                g.writeStartArray();
                for (Object element : (List<?>) value) {
                    writeValue(g, schema.valueSchema(), element);
                }
                g.writeEndArray();
            }
            case MAP -> writeMap(g, schema, (Map<?, ?>) value);
            case STRUCT -> writeStruct(g, (Struct) value);
        }
    }

    private void writeMap(JsonGenerator g, Schema schema, Map<?, ?> map) throws IOException {
        if (schema.keySchema().type() != Schema.Type.STRING) {
            // JsonConverter: an array of [key, value] pairs, in map order
            g.writeStartArray();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeStartArray();
                writeValue(g, schema.keySchema(), e.getKey());
                writeValue(g, schema.valueSchema(), e.getValue());
                g.writeEndArray();
            }
            g.writeEndArray();
            return;
        }
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        entries.sort(Comparator.comparing(e -> e.getKey().toString()));
        g.writeStartObject();
        for (Map.Entry<?, ?> e : entries) {
            g.writeFieldName(e.getKey().toString());
            writeValue(g, schema.valueSchema(), e.getValue());
        }
        g.writeEndObject();
    }

    private static byte[] bytesOf(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }

    /**
     * The column's value as the row holds it: {@link Struct#get(Field)} would answer the column
     * default for a SQL NULL.
     */
    private static @Nullable Object valueOf(Struct struct, Field f) {
        return f.schema().defaultValue() == null ? struct.get(f) : struct.getWithoutDefault(f.name());
    }

    private Layout layout(Schema schema) {
        String name = schema.name();
        if (name == null) {
            return Layout.of(schema);
        }
        Layout cached = layouts.get(name);
        if (cached == null || cached.schema != schema) {
            cached = Layout.of(schema);
            layouts.put(name, cached);
        }
        return cached;
    }

    /** A struct schema's fields sorted by name, and its contract columns (null where absent). */
    private record Layout(
            Schema schema,
            Field[] sorted,
            @Nullable Field version,
            @Nullable Field hlc,
            @Nullable Field originRegion,
            @Nullable Field deleted) {

        static Layout of(Schema schema) {
            Field[] sorted = schema.fields().toArray(new Field[0]);
            Arrays.sort(sorted, BY_NAME);
            return new Layout(
                    schema,
                    sorted,
                    schema.field("version"),
                    schema.field("hlc"),
                    schema.field("origin_region"),
                    schema.field("deleted"));
        }

        boolean replicated() {
            return version != null && hlc != null && originRegion != null && deleted != null;
        }
    }

    private static @Nullable Object field(Struct struct, String name) {
        Field f = struct.schema().field(name);
        return f == null ? null : struct.get(f);
    }

    private static @Nullable Struct struct(Struct struct, String name) {
        return field(struct, name) instanceof Struct s ? s : null;
    }

    private static @Nullable String string(Struct struct, String name) {
        return field(struct, name) instanceof String s ? s : null;
    }

    /** JsonNode.asText of the JsonConverter rendering of a scalar. */
    private static String text(@Nullable Object value, String absent) {
        return value == null ? absent : value.toString();
    }

    /** JsonNode.asLong of the JsonConverter rendering of a scalar. */
    private static long longOf(@Nullable Object value, long absent) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return absent;
            }
        }
        return absent;
    }
}
