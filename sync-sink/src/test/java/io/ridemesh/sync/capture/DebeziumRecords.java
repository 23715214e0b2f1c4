package io.ridemesh.sync.capture;

import io.debezium.config.CommonConnectorConfig;
import io.debezium.config.Configuration;
import io.debezium.connector.SnapshotRecord;
import io.debezium.connector.mariadb.MariaDbConnectorConfig;
import io.debezium.connector.mariadb.SourceInfo;
import io.debezium.connector.mariadb.antlr.MariaDbAntlrDdlParser;
import io.debezium.connector.mariadb.jdbc.MariaDbDefaultValueConverter;
import io.debezium.connector.mariadb.jdbc.MariaDbValueConverters;
import io.debezium.relational.Column;
import io.debezium.relational.CustomConverterRegistry;
import io.debezium.relational.Table;
import io.debezium.relational.TableId;
import io.debezium.relational.TableSchema;
import io.debezium.relational.TableSchemaBuilder;
import io.debezium.relational.Tables;
import io.debezium.schema.SchemaNameAdjuster;
import io.debezium.spi.topic.TopicNamingStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Object mother of the change events capture's engine hands over: Connect {@link SourceRecord}s
 * built by Debezium's own MariaDB schema machinery (DDL parser, value converters, envelope, source
 * info) under the engine properties of {@link Capture#engineProperties()}, so the Connect types,
 * logical types and column defaults are those the connector produces for the same DDL. Rows are
 * given as column name to the Java value the binlog reader delivers (Long for BIGINT, Integer for
 * INT, LocalDateTime for DATETIME, ...).
 *
 * <p>The tables are the project's replicated and regional tables, read from their Flyway
 * migrations, and {@code synctest.every_type} with every column type MariaDB offers.
 */
final class DebeziumRecords {

    static final String BINLOG_FILE = "mysql-bin.000003";
    static final String GTID = "1-1-7";
    static final Instant COMMIT = Instant.parse("2026-11-21T10:15:30Z");

    /** Every column type, every one but the key nullable; {@code with_default} NULL has a default. */
    static final String EVERY_TYPE_DDL = "CREATE TABLE every_type (id BIGINT NOT NULL PRIMARY KEY,"
            + " i INT, iu INT UNSIGNED, bu BIGINT UNSIGNED, si SMALLINT, mi MEDIUMINT, ti TINYINT, t1 TINYINT(1),"
            + " bo BOOLEAN, bt BIT(1), b12 BIT(12), d DOUBLE, f FLOAT, dec1 DECIMAL(12,4), v VARCHAR(32), c CHAR(3),"
            + " tx TEXT, dt DATETIME, dt3 DATETIME(3), dt6 DATETIME(6), ts TIMESTAMP(3) NULL, da DATE, tm TIME(3),"
            + " y YEAR, bl BLOB, vb VARBINARY(16), e ENUM('SOLO','POOL'), st SET('x','y'), j JSON,"
            + " g POINT, with_default BIGINT NULL DEFAULT 7, version BIGINT NOT NULL, hlc BIGINT NOT NULL,"
            + " origin_region INT NOT NULL, deleted TINYINT NOT NULL DEFAULT 0)";

    static final String KEYLESS_DDL = "CREATE TABLE keyless (payload VARCHAR(20), version BIGINT NOT NULL,"
            + " hlc BIGINT NOT NULL, origin_region INT NOT NULL, deleted TINYINT NOT NULL DEFAULT 0)";

    /** The table {@code ./platform bench replication} writes. */
    static final String BENCH_ITEMS_DDL =
            "CREATE TABLE bench_items (id BIGINT PRIMARY KEY, payload VARCHAR(100) NOT NULL,"
                    + " version BIGINT NOT NULL, hlc BIGINT NOT NULL, origin_region INT NOT NULL,"
                    + " deleted TINYINT NOT NULL DEFAULT 0, applied_us BIGINT NULL)";

    private final MariaDbConnectorConfig config;
    private final Map<String, TableSchema> schemas = new HashMap<>();
    private final Map<String, Table> tables = new HashMap<>();
    private final JsonConverter keyConverter = new JsonConverter();
    private final JsonConverter valueConverter = new JsonConverter();
    private long pos = 1000;

    DebeziumRecords() {
        Properties engine = Capture.engineProperties(
                new io.ridemesh.sync.SyncSinkProperties(
                        1, "a", null, null, 3306, "cdc", "secret", null, "127.0.0.1:1", null, null, null, null),
                "jdbc:mariadb://127.0.0.1:1/sync",
                "sync_sink",
                "secret");
        this.config = new MariaDbConnectorConfig(Configuration.from(engine));
        MariaDbValueConverters converters = new MariaDbValueConverters(
                config.getDecimalMode(),
                config.getTemporalPrecisionMode(),
                config.getBigIntUnsignedHandlingMode().asBigIntUnsignedMode(),
                config.binaryHandlingMode(),
                t -> t,
                config.getEventConvertingFailureHandlingMode(),
                config.getServiceRegistry());
        TableSchemaBuilder builder = new TableSchemaBuilder(
                converters,
                new MariaDbDefaultValueConverter(converters),
                SchemaNameAdjuster.NO_OP,
                new CustomConverterRegistry(List.of()),
                config.getSourceInfoStructMaker().schema(),
                config.getFieldNamer(),
                false,
                config.getEventConvertingFailureHandlingMode());
        @SuppressWarnings("unchecked")
        TopicNamingStrategy<TableId> topics =
                config.getTopicNamingStrategy(CommonConnectorConfig.TOPIC_NAMING_STRATEGY);
        Path repo = Path.of(System.getProperty("ridemesh.repo", "..")).toAbsolutePath();
        Tables parsed = new Tables();
        parse(parsed, "rides", migration(repo, "order-service/src/main/resources/db/migration/rides"));
        parse(parsed, "routing", migration(repo, "gateway/src/main/resources/db/migration/routing"));
        parse(parsed, "pricing", migration(repo, "pricing-service/src/main/resources/db/migration/pricing"));
        parse(parsed, "synctest", EVERY_TYPE_DDL + ";\n" + KEYLESS_DDL + ";\n" + BENCH_ITEMS_DDL + ";");
        for (TableId id : parsed.tableIds()) {
            Table table = parsed.forTable(id);
            tables.put(id.catalog() + "." + id.table(), table);
            schemas.put(id.catalog() + "." + id.table(), builder.create(topics, table, null, null, null));
        }
        Map<String, String> converterConfig =
                Map.of("schemas.enable", engine.getProperty("value.converter.schemas.enable"));
        keyConverter.configure(converterConfig, true);
        valueConverter.configure(converterConfig, false);
    }

    private static String migration(Path repo, String folder) {
        try (var files = Files.list(repo.resolve(folder))) {
            StringBuilder ddl = new StringBuilder();
            for (Path f : files.sorted().toList()) {
                ddl.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
            return ddl.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the migrations in " + folder, e);
        }
    }

    private static void parse(Tables into, String database, String ddl) {
        MariaDbAntlrDdlParser parser = new MariaDbAntlrDdlParser();
        parser.setCurrentDatabase(database);
        parser.charsetNameForDatabase().put(database, "utf8mb4"); // as the regions' servers default to
        parser.parse(ddl, into);
    }

    /** {@code schema.table} -> the Debezium table schema (key, value, envelope). */
    TableSchema schema(String qualifiedTable) {
        TableSchema s = schemas.get(qualifiedTable);
        if (s == null) {
            throw new IllegalArgumentException("no table " + qualifiedTable + ", only " + schemas.keySet());
        }
        return s;
    }

    List<Column> columns(String qualifiedTable) {
        schema(qualifiedTable);
        return tables.get(qualifiedTable).columns();
    }

    SourceRecord insert(String qualifiedTable, Map<String, ?> after) {
        TableSchema s = schema(qualifiedTable);
        return record(s, after, s.getEnvelopeSchema().create(row(s, after), source(qualifiedTable, false), COMMIT));
    }

    SourceRecord snapshotRead(String qualifiedTable, Map<String, ?> after) {
        TableSchema s = schema(qualifiedTable);
        return record(s, after, s.getEnvelopeSchema().read(row(s, after), source(qualifiedTable, true), COMMIT));
    }

    SourceRecord update(String qualifiedTable, Map<String, ?> before, Map<String, ?> after) {
        TableSchema s = schema(qualifiedTable);
        return record(
                s,
                after,
                s.getEnvelopeSchema().update(row(s, before), row(s, after), source(qualifiedTable, false), COMMIT));
    }

    SourceRecord delete(String qualifiedTable, Map<String, ?> before) {
        TableSchema s = schema(qualifiedTable);
        return record(s, before, s.getEnvelopeSchema().delete(row(s, before), source(qualifiedTable, false), COMMIT));
    }

    /** The record with a null value the connector emits after a delete. */
    SourceRecord tombstone(String qualifiedTable, Map<String, ?> keyColumns) {
        TableSchema s = schema(qualifiedTable);
        return new SourceRecord(
                Map.of("server", "capture-a"),
                Map.of("file", BINLOG_FILE, "pos", pos),
                "capture-a." + qualifiedTable,
                null,
                s.keySchema(),
                key(qualifiedTable, keyColumns),
                null,
                null);
    }

    SourceRecord truncate(String qualifiedTable) {
        TableSchema s = schema(qualifiedTable);
        Struct value = s.getEnvelopeSchema().truncate(source(qualifiedTable, false), COMMIT);
        return new SourceRecord(
                Map.of(), Map.of(), "capture-a." + qualifiedTable, null, null, null, value.schema(), value);
    }

    /** A heartbeat as {@code io.debezium.heartbeat} emits it: a struct with {@code ts_ms} only. */
    SourceRecord heartbeat() {
        Schema key = SchemaBuilder.struct()
                .name("io.debezium.connector.common.ServerNameKey")
                .field("serverName", Schema.STRING_SCHEMA)
                .build();
        Schema value = SchemaBuilder.struct()
                .name("io.debezium.connector.common.Heartbeat")
                .field("ts_ms", Schema.INT64_SCHEMA)
                .build();
        return new SourceRecord(
                Map.of(),
                Map.of(),
                "__debezium-heartbeat.capture-a",
                null,
                key,
                new Struct(key).put("serverName", "capture-a"),
                value,
                new Struct(value).put("ts_ms", COMMIT.toEpochMilli()));
    }

    /** A schema change event (what {@code include.schema.changes=true} would publish). */
    SourceRecord schemaChange(String qualifiedTable) {
        Schema value = SchemaBuilder.struct()
                .name("io.debezium.connector.mariadb.SchemaChangeValue")
                .field("source", config.getSourceInfoStructMaker().schema())
                .field("ts_ms", Schema.INT64_SCHEMA)
                .field("databaseName", Schema.OPTIONAL_STRING_SCHEMA)
                .field("ddl", Schema.OPTIONAL_STRING_SCHEMA)
                .build();
        Struct v = new Struct(value)
                .put("source", source(qualifiedTable, false))
                .put("ts_ms", COMMIT.toEpochMilli())
                .put("databaseName", qualifiedTable.substring(0, qualifiedTable.indexOf('.')))
                .put("ddl", "ALTER TABLE t ADD COLUMN x INT");
        return new SourceRecord(Map.of(), Map.of(), "capture-a", null, null, null, value, v);
    }

    /** A transaction boundary marker (what {@code provide.transaction.metadata=true} would publish). */
    SourceRecord transactionMarker() {
        Schema value = SchemaBuilder.struct()
                .name("io.debezium.connector.common.TransactionMetadataValue")
                .field("status", Schema.STRING_SCHEMA)
                .field("id", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.INT64_SCHEMA)
                .build();
        Struct v = new Struct(value).put("status", "END").put("id", GTID).put("ts_ms", COMMIT.toEpochMilli());
        return new SourceRecord(Map.of(), Map.of(), "capture-a.transaction", null, null, null, value, v);
    }

    /**
     * What the engine handed over before capture switched formats: key and value rendered by
     * Kafka's JsonConverter as {@code DebeziumEngine.create(Json.class)} configures it.
     */
    String[] asJson(SourceRecord record) {
        byte[] key = keyConverter.fromConnectData(record.topic(), record.keySchema(), record.key());
        byte[] value = valueConverter.fromConnectData(record.topic(), record.valueSchema(), record.value());
        return new String[] {
            key == null ? null : new String(key, StandardCharsets.UTF_8),
            value == null ? null : new String(value, StandardCharsets.UTF_8)
        };
    }

    Struct key(String qualifiedTable, Map<String, ?> columns) {
        return schema(qualifiedTable).keyFromColumnData(columnData(qualifiedTable, columns));
    }

    private SourceRecord record(TableSchema s, Map<String, ?> keyRow, Struct value) {
        String qualifiedTable = s.id().toString();
        Struct key = s.keySchema() == null ? null : s.keyFromColumnData(columnData(qualifiedTable, keyRow));
        return new SourceRecord(
                Map.of("server", "capture-a"),
                Map.of("file", BINLOG_FILE, "pos", pos),
                "capture-a." + qualifiedTable,
                null,
                s.keySchema(),
                key,
                value.schema(),
                value);
    }

    private Struct row(TableSchema s, Map<String, ?> columns) {
        String qualifiedTable = s.id().toString();
        Struct row = s.valueFromColumnData(columnData(qualifiedTable, columns));
        for (Map.Entry<String, ?> e : columns.entrySet()) {
            Field f = row.schema().field(e.getKey());
            if (e.getValue() != null && (f == null || row.getWithoutDefault(e.getKey()) == null)) {
                throw new IllegalArgumentException("Debezium did not convert " + qualifiedTable + "." + e.getKey()
                        + " = " + e.getValue() + " (" + e.getValue().getClass().getSimpleName() + ")");
            }
        }
        return row;
    }

    private Object[] columnData(String qualifiedTable, Map<String, ?> columns) {
        List<Column> cols = columns(qualifiedTable);
        Object[] data = new Object[cols.size()];
        for (Column c : cols) {
            data[c.position() - 1] = columns.get(c.name());
        }
        for (String name : columns.keySet()) {
            if (tables.get(qualifiedTable).columnWithName(name) == null) {
                throw new IllegalArgumentException(qualifiedTable + " has no column " + name);
            }
        }
        return data;
    }

    private Struct source(String qualifiedTable, boolean snapshot) {
        SourceInfo info = new SourceInfo(config);
        pos += 100;
        info.setBinlogPosition(BINLOG_FILE, pos);
        info.setEventPosition(pos);
        info.setRowNumber(0);
        info.setBinlogServerId(1);
        info.setSnapshot(snapshot ? SnapshotRecord.TRUE : SnapshotRecord.FALSE);
        if (!snapshot) {
            info.startGtid(GTID);
        }
        info.setSourceTime(COMMIT);
        String[] parts = qualifiedTable.split("\\.");
        info.tableEvent(new TableId(parts[0], null, parts[1]));
        return info.struct();
    }

    /** The binlog position of the last record built. */
    String lastPosition() {
        return BINLOG_FILE + ":" + pos;
    }
}
