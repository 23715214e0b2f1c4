package io.ridemesh.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Region;
import io.ridemesh.sync.apply.Apply;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The deployed topology: each region has its own Kafka cluster, capture publishes to it, and apply consumes each
 * peer region's cluster directly (one consumer per peer). A peer's cluster that goes away delays only that peer's
 * changes; what it held arrives once it is back. Each region reaches its peers' clusters through its WAN proxy, so
 * a partition between two regions cuts exactly their links.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerClustersIT {

    static final Duration CONVERGE = SyncRegions.CONVERGE;

    static SyncRegions cluster;
    static Region a;
    static Region b;
    static Region c;
    static Writer inA;
    static Writer inB;
    static Writer inC;

    @BeforeAll
    static void start() throws SQLException {
        cluster = new SyncRegions(3, true);
        a = cluster.regions.get(0);
        b = cluster.regions.get(1);
        c = cluster.regions.get(2);
        inA = writer(a);
        inB = writer(b);
        inC = writer(c);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(4)
    void aPartitionHoldsBackOnlyTheCutRegionsChangesShowsAsSilenceAndHeals() throws Exception {
        cluster.playground.partition(a, c, Duration.ofMinutes(5));
        try {
            inA.upsert(40, "a-during-partition", 40, false);
            inC.upsert(41, "c-during-partition", 41, false);
            // b is not cut off from either
            cluster.awaitRow(b, 40, "a-during-partition");
            cluster.awaitRow(b, 41, "c-during-partition");
            Apply cFromA = applyOf(c, a);
            await().atMost(Duration.ofSeconds(60)).until(() -> !cFromA.reachable());
            assertThat(cluster.row(c, 40))
                    .as("a's change waits behind the partition")
                    .isEmpty();
            assertThat(cluster.row(a, 41)).isEmpty();
            assertThat(cluster.appliesOf.get(c).bySource().get("a")).containsEntry("reachable", false);
            assertThat(applyOf(c, b).reachable()).isTrue();
            assertThat(cluster.registries
                            .get(c)
                            .get("sync.apply.source.silence")
                            .tag("source", "a")
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(10_000);
        } finally {
            cluster.playground.heal();
        }
        cluster.awaitRow(c, 40, "a-during-partition");
        cluster.awaitRow(a, 41, "c-during-partition");
        await().atMost(CONVERGE)
                .untilAsserted(() -> assertThat(cluster.checksums("items")).containsOnly(cluster.checksum(a, "items")));
        await().atMost(CONVERGE).until(() -> applyOf(c, a).reachable());
    }

    @Test
    @Order(5)
    void anUnexpectedErrorFailsApplyVisiblyAndANewConsumerResumesWithoutLoss() throws Exception {
        // region c applies a's changes through a test apply whose dead-letter cluster is unreachable at first: a
        // poison record then fails the whole apply (not a retriable database error), and it restarts by itself
        cluster.appliesOf.get(c).close();
        // nothing listens on the dead-letter port until the link to c's cluster is opened
        int deadLetterPort = cluster.playground.ports().port(c, ComponentKind.KAFKA) + 900;
        io.netty.channel.EventLoopGroup wan = io.ridemesh.infra.cluster.WanLink.eventLoops();
        io.ridemesh.infra.cluster.WanLink deadLetterLink = null;
        Apply apply = new Apply(
                cluster.propsOf(c, "127.0.0.1:" + deadLetterPort),
                cluster.sinkData.get(c),
                HybridLogicalClock.create(InstantSource.system(), Duration.ofMillis(500)),
                cluster.metrics.get(c),
                Apply.Source.peer("a", cluster.playground.peerKafkaBootstrap(c, a)),
                false);
        try {
            poison(a, "repl.a.synctest.items");
            inA.upsert(50, "a-after-the-poison", 50, false);
            apply.start();
            await().atMost(Duration.ofSeconds(90)).until(() -> apply.restarts() >= 1);
            assertThat(apply.lastError()).contains("dead-letter");
            assertThat(cluster.registries
                            .get(c)
                            .get("sync.apply.restarts")
                            .tag("source", "a")
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(1);

            deadLetterLink = new io.ridemesh.infra.cluster.WanLink(
                    wan, deadLetterPort, cluster.playground.ports().port(c, ComponentKind.KAFKA), 0, 0);
            cluster.awaitRow(c, 50, "a-after-the-poison");
            await().atMost(CONVERGE).until(() -> apply.state() == Apply.State.RUNNING);
            assertThat(cluster.registries
                            .get(c)
                            .get("sync.apply.dead_lettered")
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            apply.close();
            if (deadLetterLink != null) {
                deadLetterLink.close();
            }
            wan.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
            cluster.startApplies(c);
        }
        await().atMost(CONVERGE)
                .untilAsserted(() -> assertThat(cluster.checksums("items")).containsOnly(cluster.checksum(a, "items")));
    }

    /** Writes a record that is not a change record into {@code topic} of {@code r}'s cluster. */
    static void poison(Region r, String topic) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", cluster.playground.kafkaBootstrap(r));
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
                p,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "{\"id\":0}", "not json"))
                    .get();
        }
    }

    /** Region {@code target}'s apply of {@code source}'s changes. */
    static Apply applyOf(Region target, Region source) {
        return cluster.appliesOf.get(target).all().stream()
                .filter(apply -> apply.source().name().equals(source.name()))
                .findFirst()
                .orElseThrow();
    }

    static Writer writer(Region r) {
        return new Writer(
                cluster.serviceData.get(r),
                HybridLogicalClock.create(InstantSource.system(), Duration.ofMillis(500)),
                r.id());
    }

    @Test
    @Order(1)
    void everyRegionsWritesReachEveryOtherRegionThroughThePeersClusters() throws Exception {
        inA.upsert(1, "from-a", 1, false);
        inB.upsert(2, "from-b", 2, false);
        inC.upsert(3, "from-c", 3, false);
        for (Region r : cluster.regions) {
            cluster.awaitRow(r, 1, "from-a");
            cluster.awaitRow(r, 2, "from-b");
            cluster.awaitRow(r, 3, "from-c");
        }
        for (Region r : cluster.regions) {
            assertThat(cluster.appliesOf.get(r).all())
                    .as("one apply per peer region")
                    .hasSize(2)
                    .allSatisfy(apply -> assertThat(apply.source().name()).isNotEqualTo(r.name()));
        }
    }

    @Test
    @Order(2)
    void whileOnePeersClusterIsDownTheOthersChangesStillFlowAndItsOwnArriveWhenItIsBack() throws Exception {
        // region a's Kafka goes away: a's changes wait in it (and in a's binlog); b's and c's keep flowing
        cluster.playground.stop(a, ComponentKind.KAFKA);
        inA.upsert(10, "a-while-its-kafka-was-down", 10, false);
        inB.upsert(11, "b-while-a-kafka-was-down", 11, false);
        cluster.awaitRow(c, 11, "b-while-a-kafka-was-down");
        cluster.awaitRow(a, 11, "b-while-a-kafka-was-down");
        assertThat(cluster.row(b, 10)).as("a's change waits for a's cluster").isEmpty();
        assertThat(cluster.row(c, 10)).isEmpty();
        cluster.playground.up(3, true);
        cluster.awaitRow(b, 10, "a-while-its-kafka-was-down");
        cluster.awaitRow(c, 10, "a-while-its-kafka-was-down");
        await().atMost(CONVERGE)
                .untilAsserted(() -> assertThat(cluster.checksums("items")).containsOnly(cluster.checksum(a, "items")));
        for (Region r : cluster.regions) {
            assertThat(cluster.appliesOf.get(r).state()).isEqualTo(Apply.State.RUNNING);
        }
    }

    @Test
    @Order(3)
    void theBacklogGoesBackToZeroOnceEverythingIsApplied() {
        await().atMost(CONVERGE).untilAsserted(() -> {
            for (Region r : cluster.regions) {
                assertThat(cluster.appliesOf.get(r).backlog())
                        .as("backlog of %s", r.name())
                        .isZero();
            }
        });
    }
}
