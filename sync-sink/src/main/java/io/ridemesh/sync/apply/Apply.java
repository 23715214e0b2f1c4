package io.ridemesh.sync.apply;

import io.ridemesh.common.hlc.ClockOffsetExceeded;
import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.sync.ChangeRecord;
import io.ridemesh.sync.ChangeRecordCodec;
import io.ridemesh.sync.SyncMetrics;
import io.ridemesh.sync.SyncSinkProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One region's apply from one Kafka cluster: consumes the {@code repl.*} topics of other regions in that cluster and
 * merges them into the local database through {@link JdbcMerger}, one transaction per polled batch. With a Kafka
 * cluster per region there is one per peer region ({@link Source#peer}), each on its own thread, so a peer that is
 * unreachable (its region lost, or cut off) delays only its own changes; with one cluster shared by the regions,
 * one consumes them all ({@link Source#sharedCluster}). Kafka offsets
 * are committed only after the database commit, so a crash re-delivers (never loses) records and
 * the idempotent merge absorbs the duplicates. Retriable errors are retried with exponential
 * backoff (the batch stays uncommitted); permanent ones isolate the poison record by applying the
 * batch one record at a time and send it to the dead-letter topic (in the region's own cluster). Any other error
 * (a bug, a dead-letter topic that cannot be written, the consumer failing) does not end apply: it turns
 * {@link State#FAILED} (health DOWN, {@code sync.apply.restarts} grows), and after a back-off (1 s doubling to 60 s)
 * a new consumer resumes from the last committed offsets.
 *
 * <p>Thread-safety: runs on its own thread; {@link #close()} may be called from any thread. Several instances may
 * apply into one database at once (the merge locks the rows it compares; a deadlock between them is retried).
 */
public final class Apply implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Apply.class);

    /** How often applied offsets are committed to Kafka, in ms. */
    static final long OFFSET_COMMIT_INTERVAL_MS = 200;

    /** Apply's health. */
    public enum State {
        /** Consuming and applying. */
        RUNNING,
        /** A batch failed with a retriable error (e.g. a lock wait timeout) and is retried with back-off. */
        RETRYING,
        /** An unexpected error stopped the consumer; a new one starts after a back-off. */
        FAILED,
        /** Closed, or not started. */
        STOPPED
    }

    /** The first wait before a failed apply starts a new consumer; it doubles per failure in a row. */
    static final Duration RESTART_BACKOFF_MIN = Duration.ofSeconds(1);

    /** The longest wait before a failed apply starts a new consumer. */
    static final Duration RESTART_BACKOFF_MAX = Duration.ofSeconds(60);

    /** The longest a dead letter may take to be written before the apply fails (and restarts). */
    static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(10);

    /** A source from which no answer at all (fetch, metadata, heartbeat) came for this long is unreachable. */
    static final Duration UNREACHABLE_AFTER = Duration.ofSeconds(10);

    /**
     * Where an apply reads changes: a Kafka cluster and the topics to take from it.
     *
     * @param name the peer region's name, or {@code *} for a cluster shared by all regions (thread and client names)
     * @param bootstrap the cluster's bootstrap servers ({@code host:port,...})
     * @param topics the replication topics to subscribe to
     */
    public record Source(String name, String bootstrap, Pattern topics) {

        public Source {
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(topics, "topics");
            if (bootstrap == null || bootstrap.isBlank()) {
                throw new IllegalArgumentException("the Kafka bootstrap servers of source " + name + " are missing");
            }
        }

        /** Every other region's changes from the one cluster all regions share ({@code sync.kafka-bootstrap}). */
        public static Source sharedCluster(SyncSinkProperties props) {
            return new Source("*", props.kafkaBootstrap(), topicsOfOtherRegions(props.regionName()));
        }

        /** The changes captured in region {@code peer}, from that region's own cluster. */
        public static Source peer(String peer, String bootstrap) {
            return new Source(peer, bootstrap, Pattern.compile("repl\\." + Pattern.quote(peer) + "\\.[^.]+\\.[^.]+"));
        }
    }

    private final SyncSinkProperties props;
    private final Source source;
    private final boolean retriesParked;
    private final JdbcMerger merger;
    private final HybridLogicalClock clock;
    private final SyncMetrics metrics;
    private final Properties consumerConfig;
    /** The current consumer (a new one after each failure); read by {@link #close} to wake it. */
    private volatile KafkaConsumer<String, byte[]> consumer;

    private final KafkaProducer<String, String> deadLetters;
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);
    private final AtomicLong restarts = new AtomicLong();
    /** When the source cluster last answered any request of the consumer (epoch ms); 0 before the first answer. */
    private final AtomicLong lastAnswerMs = new AtomicLong();
    // apply thread only: the consumer's cumulative response count as last read
    private double lastResponses = -1;
    private org.apache.kafka.common.@org.jspecify.annotations.Nullable Metric responses;
    /** When the apply thread started (epoch ms); read by {@link #silentMs} from any thread. */
    private volatile long startedMs;

    private final Thread thread;
    private final AtomicReference<State> state = new AtomicReference<>(State.STOPPED);
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    /** Records of the source's topics not applied yet, as of the last poll; -1 before the first fetch. */
    private final AtomicLong backlog = new AtomicLong(-1);

    private final AtomicLong lastParkedRetry = new AtomicLong();
    private volatile boolean running;
    // apply thread only
    private long lastCommitMs;
    private Map<TopicPartition, OffsetAndMetadata> lastCommitted = Map.of();

    /**
     * @param dataSource the region's database as the sync-sink user (writes to service schemas)
     * @param clock the region's HLC, advanced with every applied timestamp
     */
    public Apply(SyncSinkProperties props, DataSource dataSource, HybridLogicalClock clock, SyncMetrics metrics) {
        this(props, dataSource, clock, metrics, Source.sharedCluster(props), true);
    }

    /**
     * @param dataSource the region's database as the sync-sink user (writes to service schemas)
     * @param clock the region's HLC, advanced with every applied timestamp
     * @param source the cluster and topics this apply consumes
     * @param retriesParked whether this apply retries the region's parked changes (one apply per region should)
     */
    public Apply(
            SyncSinkProperties props,
            DataSource dataSource,
            HybridLogicalClock clock,
            SyncMetrics metrics,
            Source source,
            boolean retriesParked) {
        this.props = props;
        this.source = java.util.Objects.requireNonNull(source, "source");
        this.retriesParked = retriesParked;
        this.clock = clock;
        this.metrics = metrics;
        this.merger = new JdbcMerger(
                dataSource,
                props.mergeKeys(),
                metrics,
                props.regionName(),
                props.apply().gtidDomainId());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrap());
        // the group's offsets live in the source cluster: one group per consuming region in each cluster
        c.put(
                ConsumerConfig.GROUP_ID_CONFIG,
                props.apply().consumerGroup() != null ? props.apply().consumerGroup() : "apply-" + props.regionName());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId());
        // a lost peer region's cluster: try again every few seconds, not every second, and log accordingly
        c.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                Integer.toString(props.apply().maxBatch()));
        // A fetch returns as soon as a record arrives (fetch.min.bytes 1), so this only bounds how often an idle
        // consumer asks: at 20 ms each idle region's apply sent the broker 50 empty fetches a second.
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "250");
        // new regions' and tables' topics are found by the pattern within this time
        c.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000");
        this.consumerConfig = c;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // the dead-letter topic is created by its first record: see Capture.MAX_IN_FLIGHT
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        // a dead letter that cannot be written within DEAD_LETTER_TIMEOUT fails this apply, which then restarts
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(DEAD_LETTER_TIMEOUT.toMillis()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(DEAD_LETTER_TIMEOUT.toMillis()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(DEAD_LETTER_TIMEOUT.toMillis() / 2));
        this.deadLetters = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.thread = new Thread(this::run, clientId());
    }

    private String clientId() {
        return source.name().equals("*")
                ? "apply-" + props.regionName()
                : "apply-" + props.regionName() + "-from-" + source.name();
    }

    /** Where this apply reads. */
    public Source source() {
        return source;
    }

    /** Every other region's replication topics: {@code repl.<other region>.<schema>.<table>}. */
    static Pattern topicsOfOtherRegions(String self) {
        return Pattern.compile("repl\\.(?!" + Pattern.quote(self) + "\\.)[a-z]\\.[^.]+\\.[^.]+");
    }

    public void start() {
        running = true;
        thread.start();
    }

    public State state() {
        return state.get();
    }

    /** How many times an unexpected error stopped this apply's consumer and a new one was started. Thread-safe. */
    public long restarts() {
        return restarts.get();
    }

    /**
     * For how long the source cluster has answered none of the consumer's requests (fetches, metadata, group
     * heartbeats: a connected consumer gets an answer every few seconds even when nothing changes), in ms: 0 while
     * it answers, growing while the source is lost or cut off. Thread-safe.
     */
    public long silentMs() {
        long last = lastAnswerMs.get();
        long since = last == 0 ? startedMs : last;
        return since == 0 ? 0 : Math.max(0, System.currentTimeMillis() - since);
    }

    /** Whether the source cluster answered within {@link #UNREACHABLE_AFTER}. Thread-safe. */
    public boolean reachable() {
        return silentMs() < UNREACHABLE_AFTER.toMillis();
    }

    /**
     * How many records of the source's replication topics this apply has not applied yet (the sum of
     * {@link KafkaConsumer#currentLag} over its partitions, as of its last poll: the high watermark of the last fetch
     * minus the position), or -1 before the first fetch answered. A region that has just come back is caught up with
     * a peer when this is near 0. Thread-safe.
     */
    public long backlog() {
        return backlog.get();
    }

    public String lastError() {
        return lastError.get();
    }

    /**
     * The apply thread: one consumer after another until {@link #close}. A consumer ends by an unexpected error;
     * the next starts after a back-off from the last committed offsets (the batch in hand when it failed was not
     * committed, so it is delivered again).
     */
    private void run() {
        startedMs = System.currentTimeMillis();
        Duration backoff = RESTART_BACKOFF_MIN;
        while (running) {
            state.set(State.RUNNING);
            RuntimeException failure = consume();
            if (failure == null || !running) {
                break;
            }
            state.set(State.FAILED);
            lastError.set(failure.toString());
            restarts.incrementAndGet();
            metrics.applyRestart(source.name());
            log.error(
                    "apply of region {} from {} failed, starting a new consumer in {} ms",
                    props.regionName(),
                    source.name(),
                    backoff.toMillis(),
                    failure);
            try {
                if (closing.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(RESTART_BACKOFF_MAX) > 0
                    ? RESTART_BACKOFF_MAX
                    : backoff.multipliedBy(2);
        }
        state.set(State.STOPPED);
    }

    /** One consumer's life: null when closed, else the unexpected error that ended it. */
    private RuntimeException consume() {
        // values stay bytes: Jackson parses UTF-8 directly, no String per record in between
        KafkaConsumer<String, byte[]> c =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
        consumer = c;
        lastResponses = -1;
        responses = null;
        // offsets of batches whose database transaction committed: the only ones ever committed
        Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
        lastCommitted = Map.of();
        RuntimeException failure = null;
        try {
            c.subscribe(source.topics());
            while (running) {
                ConsumerRecords<String, byte[]> polled = c.poll(Duration.ofMillis(100));
                noteAnswers(c);
                if (!polled.isEmpty()) {
                    if (!applyWithRetry(polled)) {
                        break; // closed mid-retry: these records are not applied, their offsets stay
                    }
                    applied.putAll(nextOffsets(polled));
                }
                updateBacklog(c);
                commitOffsetsPeriodically(c, applied);
                retryParkedPeriodically();
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            try {
                c.commitSync(applied, Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn("region {} could not commit apply offsets: {}", props.regionName(), e.toString());
            }
            try {
                c.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn(
                        "region {} could not close its consumer of {}: {}",
                        props.regionName(),
                        source.name(),
                        e.toString());
            }
        }
        return failure;
    }

    /** Notes when the source cluster last answered, from the consumer's cumulative response count. */
    private void noteAnswers(KafkaConsumer<String, byte[]> c) {
        if (responses == null) {
            for (var entry : c.metrics().entrySet()) {
                if (entry.getKey().name().equals("response-total")
                        && entry.getKey().group().equals("consumer-metrics")) {
                    responses = entry.getValue();
                }
            }
        }
        if (responses != null && responses.metricValue() instanceof Double total && total > lastResponses) {
            lastResponses = total;
            lastAnswerMs.set(System.currentTimeMillis());
        }
    }

    /** Applies a polled batch; false if apply was closed before all of it was applied. */
    private boolean applyWithRetry(ConsumerRecords<String, byte[]> polled) throws InterruptedException {
        List<ChangeRecord> batch = new ArrayList<>(polled.count());
        // per record of the batch, when capture sent it (the Kafka record's timestamp, ms)
        long[] sentMs = new long[polled.count()];
        for (ConsumerRecord<String, byte[]> record : polled) {
            try {
                batch.add(ChangeRecordCodec.decode(record.value()));
                sentMs[batch.size() - 1] = record.timestamp();
            } catch (ChangeRecordCodec.PoisonRecord e) {
                deadLetter(
                        record.topic(),
                        record.key(),
                        record.value() == null
                                ? null
                                : new String(record.value(), java.nio.charset.StandardCharsets.UTF_8),
                        e);
            }
        }
        Duration backoff = props.apply().retryBackoff();
        while (running) {
            try {
                JdbcMerger.Outcome outcome = merger.apply(batch);
                afterCommit(batch, sentMs, 0, outcome);
                state.set(State.RUNNING);
                return true;
            } catch (Exception e) {
                if (ErrorClassifier.classify(e) == ErrorClassifier.Kind.PERMANENT) {
                    boolean all = applyOneByOne(batch, sentMs);
                    state.set(State.RUNNING);
                    return all;
                }
                state.set(State.RETRYING);
                lastError.set(e.toString());
                metrics.applyRetry();
                log.warn(
                        "apply of region {} retrying in {} ms: {}",
                        props.regionName(),
                        backoff.toMillis(),
                        e.toString());
                TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
            }
        }
        return false;
    }

    /** Applies records one by one, dead-lettering permanent failures; false if closed first. */
    private boolean applyOneByOne(List<ChangeRecord> batch, long[] sentMs) throws InterruptedException {
        for (int i = 0; i < batch.size(); i++) {
            ChangeRecord record = batch.get(i);
            Duration backoff = props.apply().retryBackoff();
            boolean done = false;
            while (!done) {
                if (!running) {
                    return false;
                }
                try {
                    afterCommit(List.of(record), sentMs, i, merger.apply(List.of(record)));
                    done = true;
                } catch (Exception e) {
                    if (ErrorClassifier.classify(e) == ErrorClassifier.Kind.PERMANENT) {
                        deadLetter(
                                SyncSinkProperties.replTopic(record.sourceRegion(), record.schema(), record.table()),
                                ChangeRecordCodec.encodeKey(record.key()),
                                ChangeRecordCodec.encode(record),
                                e);
                        done = true;
                    } else {
                        metrics.applyRetry();
                        TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
                        backoff = backoff.multipliedBy(2);
                    }
                }
            }
        }
        return true;
    }

    /**
     * Records lag and delivery of committed records and advances the HLC; {@code sentMs[firstSent + i]} is when
     * capture sent {@code batch.get(i)}.
     */
    private void afterCommit(List<ChangeRecord> batch, long[] sentMs, int firstSent, JdbcMerger.Outcome outcome) {
        long now = System.currentTimeMillis();
        for (int i = 0; i < batch.size(); i++) {
            ChangeRecord r = batch.get(i);
            metrics.lag(r.sourceRegion(), now - HybridLogicalClock.physicalMs(r.hlc()));
            metrics.delivery(r.sourceRegion(), now - sentMs[firstSent + i]);
        }
        if (outcome.maxHlc() > 0) {
            try {
                clock.update(outcome.maxHlc());
            } catch (ClockOffsetExceeded e) {
                // The data is applied regardless (rejecting it would make regions diverge); the
                // peer's clock is reported so operators can fix it.
                metrics.clockOffsetExceeded();
                log.warn(
                        "region {} applied a version from a clock beyond max offset: {}",
                        props.regionName(),
                        e.getMessage());
            }
        }
    }

    private void deadLetter(String topic, String key, String value, Exception cause) {
        metrics.deadLettered();
        log.error("dead-lettering a record of {} (key {}): {}", topic, key, cause.toString());
        ProducerRecord<String, String> record = new ProducerRecord<>(props.deadLetterTopic(), key, value);
        record.headers().add("source-topic", topic.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers()
                .add("error", String.valueOf(cause.getMessage()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            deadLetters.send(record).get(DEAD_LETTER_TIMEOUT.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to the dead-letter topic " + props.deadLetterTopic(), e);
        }
    }

    /**
     * Commits the offsets of applied batches, at most every {@link #OFFSET_COMMIT_INTERVAL_MS}: after the
     * database commit, asynchronously so the next poll does not wait a broker round trip. Committing after
     * every batch cost the broker an offset write per batch (tens a second at 1,000 rows/s); a commit lost
     * or not yet made only re-delivers records the idempotent merge skips.
     */
    private void commitOffsetsPeriodically(
            KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> applied) {
        long now = System.currentTimeMillis();
        if (applied.isEmpty() || applied.equals(lastCommitted) || now - lastCommitMs < OFFSET_COMMIT_INTERVAL_MS) {
            return;
        }
        lastCommitMs = now;
        lastCommitted = new HashMap<>(applied);
        consumer.commitAsync(lastCommitted, (offsets, error) -> {
            if (error != null) {
                log.warn("region {} could not commit apply offsets: {}", props.regionName(), error.toString());
            }
        });
    }

    private void updateBacklog(KafkaConsumer<String, byte[]> consumer) {
        var assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return;
        }
        long total = 0;
        for (TopicPartition tp : assignment) {
            java.util.OptionalLong lag = consumer.currentLag(tp);
            if (lag.isEmpty()) {
                return; // no fetch answered for it yet: keep the last known figure
            }
            total += lag.getAsLong();
        }
        backlog.set(total);
    }

    private void retryParkedPeriodically() {
        if (!retriesParked) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - lastParkedRetry.get() < props.apply().parkedRetryInterval().toMillis()) {
            return;
        }
        lastParkedRetry.set(now);
        try {
            int resolved = merger.retryParked();
            if (resolved > 0) {
                log.info("region {} applied {} parked changes whose columns now exist", props.regionName(), resolved);
            }
        } catch (Exception e) {
            log.warn("retrying parked changes in region {}: {}", props.regionName(), e.toString());
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> polled) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : polled.partitions()) {
            List<ConsumerRecord<String, byte[]>> records = polled.records(tp);
            offsets.put(
                    tp, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        return offsets;
    }

    @Override
    public void close() {
        running = false;
        closing.countDown();
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(5));
    }
}
