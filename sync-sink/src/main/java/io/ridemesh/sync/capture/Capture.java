package io.ridemesh.sync.capture;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.ridemesh.sync.SyncMetrics;
import io.ridemesh.sync.SyncSinkProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One region's capture: a Debezium embedded engine reading the region's binlog and publishing
 * change records of locally written replicated rows to {@code repl.*} and outbox rows to
 * {@code events.*} (idempotent producer, acks=all). The engine hands over Connect records
 * ({@link SourceRecord} with {@code Struct} values), which {@link DebeziumEventMapper} writes as
 * JSON once: no JsonConverter text parsed back into a tree on the way.
 *
 * <p>Delivery is at-least-once: a batch's Debezium offsets are marked processed only after Kafka
 * acknowledged every record of it; offsets and schema history are stored in the region's
 * {@code sync} schema. A connector failure is never silent: {@link #state()} turns FAILED (health
 * DOWN), a counter grows, and the engine is restarted with exponential backoff.
 *
 * <p>Thread-safety: {@link #start()} and {@link #close()} from one thread; {@link #state()} from any.
 */
public final class Capture implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Capture.class);

    /** Capture's health. */
    public enum State {
        STARTING,
        RUNNING,
        FAILED,
        STOPPED
    }

    /**
     * One produce request in flight per broker. With more, the Kafka 4.1 idempotent producer can wedge on a topic
     * created by its first record (KAFKA-14359, KAFKA-15591): the first request fails with NOT_LEADER_OR_FOLLOWER
     * while the broker is still applying the creation, the next one is appended, and every retry of the first is
     * then OUT_OF_ORDER_SEQUENCE_NUMBER until delivery.timeout.ms (2 min) expires it. Seen in {@code ./platform
     * demo} on {@code events.a.ride}: capture stalled 2 minutes, then restarted and re-published 3,900
     * transactions. Capture sends a batch and waits for it anyway, so one request in flight costs little.
     */
    static final int MAX_IN_FLIGHT = 1;

    private final SyncSinkProperties props;
    private final String syncJdbcUrl;
    private final String syncUser;
    private final String syncPassword;
    private final SyncMetrics metrics;
    private final DebeziumEventMapper mapper;
    private final KafkaProducer<String, String> producer;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "capture"));
    private final AtomicReference<State> state = new AtomicReference<>(State.STOPPED);
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private volatile boolean closing;
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile String position = "";

    /**
     * @param syncJdbcUrl JDBC URL of the region's {@code sync} schema (offsets, schema history)
     */
    public Capture(
            SyncSinkProperties props, String syncJdbcUrl, String syncUser, String syncPassword, SyncMetrics metrics) {
        this.props = props;
        this.syncJdbcUrl = syncJdbcUrl;
        this.syncUser = syncUser;
        this.syncPassword = syncPassword;
        this.metrics = metrics;
        this.mapper = new DebeziumEventMapper(props.regionName(), props.regionId());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // handleBatch flushes after every engine batch, which sends at once whatever the linger:
        // lingering only keeps the sender thread from shipping the first records of a batch in a
        // request of their own while the rest are still being appended.
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // Change records are a few hundred bytes and most batches hold one or a few of them: lz4
        // saved little there, yet cost two 64 KiB buffers per produced batch on this side and a
        // decompression per batch on the broker's.
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "capture-" + props.regionName());
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, Integer.toString(MAX_IN_FLIGHT));
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Starts the engine in the background; returns at once. */
    public void start() {
        closing = false;
        executor.submit(this::superviseEngine);
    }

    public State state() {
        return state.get();
    }

    /** The last connector error, or empty. */
    public String lastError() {
        return lastError.get();
    }

    /** Binlog position of the last published change, {@code file:pos}. */
    public String position() {
        return position;
    }

    private void superviseEngine() {
        Duration backoff = props.capture().restartBackoff();
        while (!closing) {
            state.set(State.STARTING);
            java.util.concurrent.CompletableFuture<String> outcome = new java.util.concurrent.CompletableFuture<>();
            try (DebeziumEngine<RecordChangeEvent<SourceRecord>> e = DebeziumEngine.create(
                            ChangeEventFormat.of(Connect.class))
                    .using(engineProperties())
                    .using((success, message, error) ->
                            outcome.complete(success ? "" : message + (error == null ? "" : ": " + error)))
                    .using(new DebeziumEngine.ConnectorCallback() {
                        @Override
                        public void taskStarted() {
                            state.set(State.RUNNING);
                        }
                    })
                    .notifying(this::handleBatch)
                    .build()) {
                engine = e;
                e.run(); // blocks until the engine stops
            } catch (Exception ex) {
                outcome.complete(ex.toString());
            }
            engine = null;
            if (closing) {
                break;
            }
            String error = outcome.getNow("engine stopped");
            state.set(State.FAILED);
            lastError.set(error);
            metrics.captureFailure();
            log.error(
                    "capture of region {} failed, restarting in {} ms: {}",
                    props.regionName(),
                    backoff.toMillis(),
                    error);
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                    ? Duration.ofSeconds(30)
                    : backoff.multipliedBy(2);
        }
        state.set(State.STOPPED);
    }

    private void handleBatch(
            List<RecordChangeEvent<SourceRecord>> events,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
        for (RecordChangeEvent<SourceRecord> event : events) {
            Optional<DebeziumEventMapper.Publication> publication = mapper.map(event.record());
            if (publication.isPresent()) {
                DebeziumEventMapper.Publication p = publication.get();
                sends.add(producer.send(new ProducerRecord<>(p.topic(), p.key(), p.value())));
            }
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Not marking the batch processed: the engine stops, restarts from the last
                // committed offset and publishes the batch again (apply is idempotent).
                throw new IllegalStateException("Kafka did not acknowledge a change record: " + e, e);
            }
        }
        metrics.captured(sends.size());
        metrics.captureSkipped(events.size() - sends.size());
        for (RecordChangeEvent<SourceRecord> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        // the last event of the batch that has a position (a delete's tombstone has none)
        for (int i = events.size() - 1; i >= 0; i--) {
            String last = DebeziumEventMapper.position(events.get(i).record());
            if (last != null) {
                position = last;
                break;
            }
        }
    }

    Properties engineProperties() {
        return engineProperties(props, syncJdbcUrl, syncUser, syncPassword);
    }

    static Properties engineProperties(
            SyncSinkProperties props, String syncJdbcUrl, String syncUser, String syncPassword) {
        String region = props.regionName();
        Properties p = new Properties();
        p.setProperty("name", "capture-" + region);
        p.setProperty(
                "connector.class",
                props.connector().equals("mysql")
                        ? "io.debezium.connector.mysql.MySqlConnector"
                        : "io.debezium.connector.mariadb.MariaDbConnector");
        p.setProperty("database.hostname", props.databaseHost());
        p.setProperty("database.port", Integer.toString(props.databasePort()));
        p.setProperty("database.user", props.cdcUser());
        p.setProperty("database.password", props.cdcPassword());
        // unique among the server ids of all regions' database servers (1..15)
        p.setProperty("database.server.id", Integer.toString(10_000 + props.regionId()));
        p.setProperty("database.ssl.mode", "disable");
        p.setProperty("topic.prefix", "capture-" + region);
        p.setProperty("database.include.list", String.join(",", props.schemas()));
        p.setProperty("snapshot.mode", "initial");
        p.setProperty("snapshot.locking.mode", "none");
        p.setProperty("include.schema.changes", "false");
        p.setProperty("decimal.handling.mode", "string");
        p.setProperty("binary.handling.mode", "base64");
        p.setProperty("time.precision.mode", "connect");
        p.setProperty(
                "poll.interval.ms", Long.toString(props.capture().pollInterval().toMillis()));
        p.setProperty("max.batch.size", "4096");
        p.setProperty("max.queue.size", "16384");
        // Read by converters only, which the Connect format does not use; kept so the JSON
        // rendering DebeziumEventMapper reproduces is stated next to the properties it depends on.
        p.setProperty("key.converter.schemas.enable", "false");
        p.setProperty("value.converter.schemas.enable", "false");
        p.setProperty("errors.max.retries", "-1");
        p.setProperty(
                "offset.flush.interval.ms",
                Long.toString(props.capture().offsetFlushInterval().toMillis()));
        p.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        p.setProperty("offset.storage.jdbc.connection.url", syncJdbcUrl);
        p.setProperty("offset.storage.jdbc.connection.user", syncUser);
        p.setProperty("offset.storage.jdbc.connection.password", syncPassword);
        p.setProperty("offset.storage.jdbc.table.name", "debezium_offsets");
        p.setProperty("schema.history.internal", "io.debezium.storage.jdbc.history.JdbcSchemaHistory");
        p.setProperty("schema.history.internal.jdbc.connection.url", syncJdbcUrl);
        p.setProperty("schema.history.internal.jdbc.connection.user", syncUser);
        p.setProperty("schema.history.internal.jdbc.connection.password", syncPassword);
        p.setProperty("schema.history.internal.jdbc.table.name", "debezium_schema_history");
        p.setProperty("schema.history.internal.store.only.captured.tables.ddl", "true");
        // No gtid.source.excludes for apply's GTID domain, although it would skip apply's transactions undecoded:
        // Debezium (3.5, MariaDbConnection.filterGtidSet) then leaves the excluded domain out of the GTID position it
        // resumes from, and MariaDB serves a position that lacks a domain only from the binlog file in which that
        // domain began. Once expire_logs_days purges that file, capture could never restart (error 1236, "Could
        // not find GTID state requested by slave"; ReplicationIT.captureRestartsAfterTheBinlogsHoldingApplysDomain
        // WerePurged). Applied rows are decoded and dropped by origin_region in DebeziumEventMapper.
        return p;
    }

    /**
     * Closes the running engine. Debezium's async engine refuses to close while its task is still starting
     * ({@link IllegalStateException}); a close that early waits for the start, polling until {@code deadline}.
     */
    private void closeEngine(long deadline) {
        while (true) {
            DebeziumEngine<RecordChangeEvent<SourceRecord>> e = engine;
            if (e == null) {
                return;
            }
            try {
                e.close();
                return;
            } catch (java.io.IOException ex) {
                log.warn("closing the capture engine of region {}: {}", props.regionName(), ex.toString());
                return;
            } catch (IllegalStateException starting) {
                if (System.nanoTime() > deadline) {
                    log.warn(
                            "capture engine of region {} still starting, not closed: {}", props.regionName(), starting);
                    return;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        closeEngine(System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
        state.set(State.STOPPED);
    }
}
