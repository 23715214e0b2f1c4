package io.ridemesh.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of one region's sync-sink (prefix {@code sync}). Defaults live here only.
 *
 * @param regionId this region's id (1..15), the {@code origin_region} of local writes
 * @param regionName this region's name ({@code a}, {@code b}, ...), used in topic names
 * @param connector {@code mariadb} or {@code mysql}: which Debezium connector captures the binlog
 * @param databaseHost host of the region's database server
 * @param databasePort port of the region's database server
 * @param cdcUser account with exactly the CDC grants
 * @param cdcPassword its password (from configuration, never in code)
 * @param schemas schemas whose replicated tables are captured and applied
 * @param kafkaBootstrap bootstrap servers of the region's own Kafka cluster: capture publishes there, and the
 *     dead-letter topic is there
 * @param peers per peer region name, the bootstrap servers of that region's Kafka cluster, from which apply consumes
 *     the region's changes ({@code sync.peers.b: host:port}); empty when all regions share one cluster, from which
 *     apply then consumes every other region's topics
 * @param mergeKeys per table ({@code schema.table}), the leading merge-key columns placed before
 *     {@code (hlc, origin_region)}; default {@code rides.rides: [terminal]} and {@code identity.account: [claim]}
 * @param capture capture settings
 * @param apply apply settings
 */
@ConfigurationProperties(prefix = "sync")
public record SyncSinkProperties(
        int regionId,
        String regionName,
        String connector,
        String databaseHost,
        int databasePort,
        String cdcUser,
        String cdcPassword,
        List<String> schemas,
        String kafkaBootstrap,
        Map<String, String> peers,
        Map<String, List<String>> mergeKeys,
        Capture capture,
        Apply apply) {

    public SyncSinkProperties {
        if (regionId < 1 || regionId > 15) {
            throw new IllegalArgumentException("sync.region-id must be in 1..15, but was " + regionId);
        }
        if (regionName == null || !regionName.matches("[a-z]")) {
            throw new IllegalArgumentException("sync.region-name must be one lower-case letter, but was " + regionName);
        }
        connector = connector == null ? "mariadb" : connector;
        if (!connector.equals("mariadb") && !connector.equals("mysql")) {
            throw new IllegalArgumentException("sync.connector must be mariadb or mysql, but was " + connector);
        }
        databaseHost = databaseHost == null ? "127.0.0.1" : databaseHost;
        schemas = schemas == null || schemas.isEmpty()
                ? List.of("rides", "dispatch", "routing", "identity")
                : List.copyOf(schemas);
        peers = peers == null ? Map.of() : Map.copyOf(peers);
        if (peers.containsKey(regionName)) {
            throw new IllegalArgumentException(
                    "sync.peers names this region (" + regionName + "): a region does not" + " apply its own changes");
        }
        for (Map.Entry<String, String> peer : peers.entrySet()) {
            if (!peer.getKey().matches("[a-z]")) {
                throw new IllegalArgumentException(
                        "sync.peers keys are region names (one lower-case letter), but one was " + peer.getKey());
            }
            if (peer.getValue() == null || peer.getValue().isBlank()) {
                throw new IllegalArgumentException("sync.peers." + peer.getKey() + " (bootstrap servers) is empty");
            }
        }
        // rides: a terminal state outranks any later non-terminal write; accounts: the earlier sign-up of a login wins
        mergeKeys = mergeKeys == null
                ? Map.of("rides.rides", List.of("terminal"), "identity.account", List.of("claim"))
                : Map.copyOf(mergeKeys);
        capture = capture == null ? new Capture(null, null, true, null) : capture;
        apply = apply == null ? new Apply(null, null, null, true, null, null) : apply;
        if (apply.gtidDomainId() == null) {
            apply = apply.withGtidDomainId(connector.equals("mariadb") ? Apply.DEFAULT_GTID_DOMAIN_BASE + regionId : 0);
        } else if (apply.gtidDomainId() != 0 && !connector.equals("mariadb")) {
            throw new IllegalArgumentException("sync.apply.gtid-domain-id needs the mariadb connector (MySQL has no"
                    + " GTID domains); set it to 0 or leave it out, but it was " + apply.gtidDomainId());
        }
    }

    /**
     * @param pollInterval Debezium {@code poll.interval.ms}, default 10 ms; 1-10 ms keeps capture latency low
     * @param offsetFlushInterval how often Debezium offsets are committed; a crash replays at most
     *     this much, which apply absorbs (idempotent)
     * @param enabled false to run apply only
     * @param restartBackoff first delay before restarting a failed connector (doubles, max 30 s)
     */
    public record Capture(
            Duration pollInterval,
            Duration offsetFlushInterval,
            // without the default, setting any other sync.capture.* property would switch capture off
            @DefaultValue("true") boolean enabled,
            Duration restartBackoff) {
        public Capture {
            // 10 ms, not 1: Debezium 3.5's queue busy-waits through the last millisecond of every interval (its timer
            // says 0 ms left, not expired), so an idle sync-sink's engine thread costs about 1/(interval + 1) of a
            // core: 8% at 10 ms. At 1 ms the engine's polls cost 43% of a core per idle sync-sink and
            // made replication slower under load (./platform bench replication at 1,000 rows/s: p50 30-49 -> 16 ms,
            // p99 216-283 -> 155 ms, apply 11,200-11,700 -> 16,100 rows/s)
            pollInterval = pollInterval == null ? Duration.ofMillis(10) : pollInterval;
            offsetFlushInterval = offsetFlushInterval == null ? Duration.ofSeconds(1) : offsetFlushInterval;
            restartBackoff = restartBackoff == null ? Duration.ofSeconds(1) : restartBackoff;
        }
    }

    /**
     * @param maxBatch most records applied in one database transaction
     * @param retryBackoff first delay before retrying a batch after a retriable error (doubles)
     * @param parkedRetryInterval how often parked changes (columns not yet present) are retried
     * @param enabled false to run capture only
     * @param consumerGroup Kafka consumer group; null for {@code apply-<region>}
     * @param gtidDomainId MariaDB GTID domain apply's transactions are written in ({@code SET SESSION
     *     gtid_domain_id}, which needs the {@code BINLOG REPLAY} privilege): the region's own writes and the rows
     *     applied from other regions are independent streams in its binlog, which is what MariaDB's GTID domains
     *     are for (a native replica of the region applies them in parallel, and a GTID position names how far each
     *     got). Capture reads both and publishes only rows whose {@code origin_region} is this region; it does not
     *     skip the domain at its GTID events, because Debezium then resumes from a position without the domain,
     *     which MariaDB cannot serve once the binlog that began the domain is purged ({@code Capture}). Default
     *     {@value #DEFAULT_GTID_DOMAIN_BASE} + region id with the mariadb connector, 0 (off: the server's domain)
     *     with the mysql one
     */
    public record Apply(
            Integer maxBatch,
            Duration retryBackoff,
            Duration parkedRetryInterval,
            // without the default, setting any other sync.apply.* property would switch apply off
            @DefaultValue("true") boolean enabled,
            String consumerGroup,
            Long gtidDomainId) {

        /** Default apply GTID domain of region {@code r}: this + r (the regions' servers use domains 1..15). */
        public static final long DEFAULT_GTID_DOMAIN_BASE = 10_000;

        public Apply {
            if (gtidDomainId != null && (gtidDomainId < 0 || gtidDomainId > 0xFFFF_FFFFL)) {
                throw new IllegalArgumentException(
                        "sync.apply.gtid-domain-id must be in 0..4294967295, but was " + gtidDomainId);
            }
            maxBatch = maxBatch == null ? 2000 : maxBatch;
            if (maxBatch < 1) {
                throw new IllegalArgumentException("sync.apply.max-batch must be > 0, but was " + maxBatch);
            }
            retryBackoff = retryBackoff == null ? Duration.ofMillis(100) : retryBackoff;
            parkedRetryInterval = parkedRetryInterval == null ? Duration.ofSeconds(2) : parkedRetryInterval;
        }

        /** This with another GTID domain. */
        public Apply withGtidDomainId(long domain) {
            return new Apply(maxBatch, retryBackoff, parkedRetryInterval, enabled, consumerGroup, domain);
        }
    }

    /** Topic of a replicated table's changes captured in {@code region}. */
    public static String replTopic(String region, String schema, String table) {
        return "repl." + region + "." + schema + "." + table;
    }

    /** Topic of outbox events of an aggregate captured in {@code region}. */
    public static String eventsTopic(String region, String aggregate) {
        return "events." + region + "." + aggregate;
    }

    /** Dead-letter topic of this region's apply. */
    public String deadLetterTopic() {
        return "repl-dlq." + regionName;
    }
}
