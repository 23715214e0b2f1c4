package io.ridemesh.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.common.hlc.ClockOffsetExceeded;
import io.ridemesh.common.hlc.HlcStore;
import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.hlc.InMemoryHlcStore;
import io.ridemesh.common.hlc.JdbcHlcStore;
import io.ridemesh.common.id.DecodedId;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The known ways time-based keys go wrong, each reproduced against a controllable clock and shown harmless: the
 * timestamps and ids stay unique and increasing, and the cost is only that they run ahead of the wall clock briefly.
 */
class TimeAnomaliesTest {

    private static final Duration MAX_OFFSET = Duration.ofMillis(500);

    private final MutableClock clock = new MutableClock();

    @Test
    void ntpStepBackOf120MsMidBurstReusesNoTimestampAndNoId() {
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);
        GlobalIdGenerator ids = GlobalIdGenerator.create(1, 0, clock);
        long lastHlc = 0;
        long lastId = 0;
        long highestPhysicalBeforeStep = 0;

        for (int i = 0; i < 20_000; i++) {
            if (i % 50 == 0) {
                clock.advanceMillis(1);
            }
            if (i == 10_000) {
                highestPhysicalBeforeStep = HybridLogicalClock.physicalMs(lastHlc);
                clock.advanceMillis(-120);
            }
            long hlcNow = hlc.now();
            long id = ids.nextId();
            assertThat(hlcNow).isGreaterThan(lastHlc);
            assertThat(id).isGreaterThan(lastId);
            if (i >= 10_000 && clock.millis() < highestPhysicalBeforeStep) {
                // While the wall clock is behind, the HLC holds its physical part and counts logically.
                assertThat(HybridLogicalClock.physicalMs(hlcNow)).isEqualTo(highestPhysicalBeforeStep);
            }
            lastHlc = hlcNow;
            lastId = id;
        }

        assertThat(hlc.backwardSteps()).isEqualTo(1);
        assertThat(ids.backwardSteps()).isEqualTo(1);
        // The wall clock caught up again (20,000 calls / 50 = 400 ms > 120 ms), so time is real time again.
        assertThat(HybridLogicalClock.physicalMs(lastHlc)).isEqualTo(clock.millis());
    }

    @Test
    void jitterOf50MicrosecondsAroundAMillisecondBoundaryIsAbsorbed() {
        Instant boundary = Instant.parse("2025-06-01T12:00:00.001Z");
        HybridLogicalClock hlc = HybridLogicalClock.create(jitteryAround(boundary), MAX_OFFSET);
        GlobalIdGenerator ids = GlobalIdGenerator.create(1, 0, jitteryAround(boundary));
        long lastHlc = 0;
        long lastId = 0;

        // 500 calls: fewer than the 512 ids of one ms, so borrowing does not move the id timestamp either.
        for (int i = 0; i < 500; i++) {
            long hlcNow = hlc.now();
            long id = ids.nextId();
            assertThat(hlcNow).isGreaterThan(lastHlc);
            assertThat(id).isGreaterThan(lastId);
            if (i > 0) {
                // Once the later reading was seen, the earlier ones are absorbed: time does not flicker.
                assertThat(HybridLogicalClock.physicalMs(hlcNow)).isEqualTo(boundary.toEpochMilli());
                assertThat(GlobalIdGenerator.decode(id).timestamp()).isEqualTo(boundary);
            }
            lastHlc = hlcNow;
            lastId = id;
        }

        // Every other reading steps back by 1 ms; each is seen and counted, none is harmful.
        assertThat(hlc.backwardSteps()).isGreaterThan(100);
        assertThat(ids.backwardSteps()).isGreaterThan(100);
    }

    /** Each reading lands 50 us before or after {@code boundary}: millis() alternates between two values. */
    private static InstantSource jitteryAround(Instant boundary) {
        AtomicLong reads = new AtomicLong();
        return () -> boundary.plusNanos(reads.getAndIncrement() % 2 == 0 ? -50_000 : 50_000);
    }

    @Test
    void hundredThousandIdsInsideOneMillisecondAreUniqueAndBorrowForward() {
        GlobalIdGenerator ids = GlobalIdGenerator.create(4, 5, clock);
        long[] issued = new long[100_000];

        for (int i = 0; i < issued.length; i++) {
            issued[i] = ids.nextId(7);
        }

        for (int i = 1; i < issued.length; i++) {
            assertThat(issued[i]).isGreaterThan(issued[i - 1]);
        }
        DecodedId first = GlobalIdGenerator.decode(issued[0]);
        DecodedId last = GlobalIdGenerator.decode(issued[issued.length - 1]);
        assertThat(first.timestamp()).isEqualTo(clock.instant());
        // 512 per ms: the 100,000th id is 195 ms ahead of the frozen wall clock, at sequence 99,999 % 512.
        assertThat(last.timestamp()).isEqualTo(clock.instant().plusMillis(99_999 / 512));
        assertThat(last.sequence()).isEqualTo(99_999 % 512);
        assertThat(ids.backwardSteps()).isZero();

        clock.advanceMillis(1);
        assertThat(ids.nextId(7)).isGreaterThan(issued[issued.length - 1]);
    }

    @Test
    void peerRegionClock400MsAheadIsAcceptedAndLocalEventsOrderAfterIt() {
        MutableClock peerClock = new MutableClock(clock.instant().plusMillis(400));
        HybridLogicalClock peer = HybridLogicalClock.create(peerClock, MAX_OFFSET);
        HybridLogicalClock local = HybridLogicalClock.create(clock, MAX_OFFSET);
        long localBefore = local.now();

        long remote = peer.now();
        long merged = local.update(remote);
        long localAfter = local.now();

        assertThat(merged).isGreaterThan(remote).isGreaterThan(localBefore);
        assertThat(localAfter).isGreaterThan(merged);
        assertThat(HybridLogicalClock.physicalMs(localAfter)).isEqualTo(peerClock.millis());
        assertThat(local.rejectedRemotes()).isZero();

        // Once the local wall clock passes the peer's time, local timestamps are wall-clock time again.
        clock.advanceMillis(401);
        assertThat(HybridLogicalClock.physicalMs(local.now())).isEqualTo(clock.millis());
    }

    @Test
    void peerBeyondMaxOffsetIsRejectedAndCounted() {
        MutableClock peerClock = new MutableClock(clock.instant().plusMillis(900));
        HybridLogicalClock peer = HybridLogicalClock.create(peerClock, MAX_OFFSET);
        HybridLogicalClock local = HybridLogicalClock.create(clock, MAX_OFFSET);
        long localBefore = local.now();

        long remote = peer.now();

        assertThatThrownBy(() -> local.update(remote))
                .isInstanceOf(ClockOffsetExceeded.class)
                .hasMessageContaining("900 ms ahead")
                .hasMessageContaining("maxOffset 500 ms");
        assertThatThrownBy(() -> local.update(remote)).isInstanceOf(ClockOffsetExceeded.class);
        assertThat(local.rejectedRemotes()).isEqualTo(2);
        // The bad timestamp did not leak in: local time is still local wall-clock time.
        assertThat(local.now()).isEqualTo(localBefore + 1);
    }

    @Test
    void restartAfterTheClockSteppedBackWouldReuseTimestampsWithoutAStore() {
        HybridLogicalClock before = HybridLogicalClock.create(clock, MAX_OFFSET);
        long highest = issueBurstAheadOfWallClock(before);

        clock.advance(Duration.ofSeconds(-2));
        HybridLogicalClock after = HybridLogicalClock.create(clock, MAX_OFFSET);

        // The anomaly the store exists for: a fresh clock would go back in time.
        assertThat(after.now()).isLessThan(highest);
    }

    @Test
    void restartAfterTheClockSteppedBackIssuesAboveEverythingBeforeWithAnInMemoryStore() {
        assertRestartIssuesAboveEverythingBefore(new InMemoryHlcStore());
    }

    @Test
    void restartAfterTheClockSteppedBackIssuesAboveEverythingBeforeWithAJdbcStoreOnH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:restart-" + UUID.randomUUID() + ";MODE=MariaDB;DB_CLOSE_DELAY=-1");

        assertRestartIssuesAboveEverythingBefore(new JdbcHlcStore(h2, "eu-1/order-service/0"));
        // A second restart reads the bound written by the first restarted instance.
        assertRestartIssuesAboveEverythingBefore(new JdbcHlcStore(h2, "eu-1/order-service/0"));
    }

    private void assertRestartIssuesAboveEverythingBefore(HlcStore store) {
        HybridLogicalClock before = HybridLogicalClock.create(clock, MAX_OFFSET, store);
        long highest = issueBurstAheadOfWallClock(before);

        // The process dies; NTP steps the clock back 2 s (more than the persisted window) before it restarts.
        clock.advance(Duration.ofSeconds(-2));
        HybridLogicalClock after = HybridLogicalClock.create(clock, MAX_OFFSET, store);

        long first = after.now();
        assertThat(first).isGreaterThan(highest);
        assertThat(after.peek()).isEqualTo(first);
        for (int i = 0; i < 1_000; i++) {
            assertThat(after.now()).isGreaterThan(highest);
        }
        clock.advance(Duration.ofSeconds(2));
    }

    /** Issues timestamps for 700 ms, including one merged from a peer 400 ms ahead; returns the highest. */
    private long issueBurstAheadOfWallClock(HybridLogicalClock hlc) {
        long highest = 0;
        for (int ms = 0; ms < 700; ms++) {
            clock.advanceMillis(1);
            for (int i = 0; i < 10; i++) {
                highest = hlc.now();
            }
        }
        highest = hlc.update(HybridLogicalClock.of(clock.millis() + 400, 9));
        assertThat(HybridLogicalClock.physicalMs(highest)).isGreaterThan(clock.millis());
        return highest;
    }
}
