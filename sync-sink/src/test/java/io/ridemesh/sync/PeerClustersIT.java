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
 * changes; what it held arrives once it is back.
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
