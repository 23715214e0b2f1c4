package io.ridemesh.common.hlc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.testsupport.MutableClock;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HybridLogicalClockTest {

    private static final Duration MAX_OFFSET = Duration.ofMillis(500);

    private final MutableClock clock = new MutableClock();

    @Test
    void firstTimestampIsTheWallClockWithLogicalZero() {
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);

        long first = hlc.now();

        assertThat(HybridLogicalClock.physicalMs(first)).isEqualTo(clock.millis());
        assertThat(HybridLogicalClock.logical(first)).isZero();
        assertThat(hlc.peek()).isEqualTo(first);
    }

    @Test
    void countsUpTheLogicalPartWithinOneMillisecondAndResetsItWhenTheWallClockMoves() {
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);
        long t = clock.millis();

        assertThat(hlc.now()).isEqualTo(HybridLogicalClock.of(t, 0));
        assertThat(hlc.now()).isEqualTo(HybridLogicalClock.of(t, 1));
        clock.advanceMillis(1);
        assertThat(hlc.now()).isEqualTo(HybridLogicalClock.of(t + 1, 0));
    }

    @Test
    void holdsThePhysicalPartWhileTheWallClockIsBehindAndCountsTheStep() {
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);
        long t = clock.millis();
        hlc.now();

        clock.advanceMillis(-1_000);

        assertThat(hlc.now()).isEqualTo(HybridLogicalClock.of(t, 1));
        assertThat(hlc.backwardSteps()).isEqualTo(1);
    }

    @Test
    void updateWithALogicalPartAtItsMaximumCarriesIntoTheNextMillisecond() {
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);
        long t = clock.millis();

        long merged = hlc.update(HybridLogicalClock.of(t, 0xFFFF));

        assertThat(merged).isEqualTo(HybridLogicalClock.of(t + 1, 0));
        assertThat(hlc.now()).isEqualTo(HybridLogicalClock.of(t + 1, 1));
    }

    @Test
    void updateWithAnOlderRemoteStillTicks() {
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);
        long local = hlc.now();

        long merged = hlc.update(HybridLogicalClock.of(clock.millis() - 5_000, 7));

        assertThat(merged).isEqualTo(local + 1);
    }

    @Test
    void acceptsARemoteExactlyMaxOffsetAhead() {
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);
        long remote = HybridLogicalClock.of(clock.millis() + 500, 3);

        assertThat(hlc.update(remote)).isEqualTo(remote + 1);
        assertThat(hlc.rejectedRemotes()).isZero();
    }

    @Test
    void rejectsARemoteMoreThanMaxOffsetAheadWithContextInTheMessage() {
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);
        long before = hlc.now();
        long wall = clock.millis();
        long remote = HybridLogicalClock.of(wall + 501, 2);

        assertThatThrownBy(() -> hlc.update(remote))
                .isInstanceOfSatisfying(ClockOffsetExceeded.class, e -> {
                    assertThat(e.remote()).isEqualTo(remote);
                    assertThat(e.localPhysicalMs()).isEqualTo(wall);
                    assertThat(e.maxOffsetMs()).isEqualTo(500);
                })
                .hasMessageContaining(HybridLogicalClock.format(remote))
                .hasMessageContaining("501 ms ahead")
                .hasMessageContaining(Long.toString(wall))
                .hasMessageContaining("maxOffset 500 ms");
        assertThat(hlc.rejectedRemotes()).isEqualTo(1);
        assertThat(hlc.peek()).isEqualTo(before);
    }

    @Test
    void rejectsANegativeRemoteAsFarInTheFuture() {
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);

        assertThatThrownBy(() -> hlc.update(-1L)).isInstanceOf(ClockOffsetExceeded.class);
        assertThat(hlc.rejectedRemotes()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void rejectsAMaxOffsetBelowOneMillisecond(long offsetMs) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HybridLogicalClock.create(clock, Duration.ofMillis(offsetMs)))
                .withMessage("maxOffset must be > 0 ms, but was " + Duration.ofMillis(offsetMs));
        assertThat(HybridLogicalClock.create(InstantSource.system(), Duration.ofMillis(1))
                        .maxOffsetMs())
                .isEqualTo(1);
    }

    @Test
    void formatsTheLogicalPartWithAtLeastFourDigits() {
        assertThat(HybridLogicalClock.format(HybridLogicalClock.of(1_732_161_234_567L, 3)))
                .isEqualTo("1732161234567.0003");
        assertThat(HybridLogicalClock.format(HybridLogicalClock.of(1_732_161_234_567L, 65_535)))
                .isEqualTo("1732161234567.65535");
        assertThat(HybridLogicalClock.parse("1732161234567.0003"))
                .isEqualTo(HybridLogicalClock.of(1_732_161_234_567L, 3));
        assertThat(HybridLogicalClock.parse("1732161234567.3")).isEqualTo(HybridLogicalClock.of(1_732_161_234_567L, 3));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", ".", "1732161234567", "1732161234567.", ".0003", "-1.0003", "+1.0003", "1.65536", "a.b"})
    void refusesToParseMalformedText(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> HybridLogicalClock.parse(text));
    }

    @Test
    void refusesToPackPartsOutOfRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HybridLogicalClock.of(-3, 0))
                .withMessage("physicalMs must be in [0, 281474976710655], but was -3");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HybridLogicalClock.of(0, 65_536))
                .withMessage("logical must be in [0, 65535], but was 65536");
    }

    @Test
    void persistsAnUpperBoundAheadOnCreationAndNotOnEveryTick() {
        InMemoryHlcStore store = new InMemoryHlcStore();
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET, store);
        assertThat(store.writes()).isEqualTo(1);
        assertThat(store.load()).isEqualTo(HybridLogicalClock.of(clock.millis() + 1_000, 0));

        for (int i = 0; i < 10_000; i++) {
            hlc.now();
        }
        clock.advanceMillis(499);
        hlc.now();

        assertThat(store.writes()).isEqualTo(1);
    }

    @Test
    void renewsTheBoundWhenIssuedTimeComesWithinHalfTheWindow() {
        InMemoryHlcStore store = new InMemoryHlcStore();
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET, store);

        clock.advanceMillis(500);
        long issued = hlc.now();

        assertThat(store.writes()).isEqualTo(2);
        assertThat(store.load()).isEqualTo(HybridLogicalClock.of(clock.millis() + 1_000, 0));
        assertThat(issued).isLessThan(store.load());
    }

    @Test
    void persistsBeforeReturningATimestampBeyondTheBoundAfterAForwardJump() {
        InMemoryHlcStore store = new InMemoryHlcStore();
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET, store);

        clock.advance(Duration.ofHours(2));
        long issued = hlc.now();

        assertThat(issued).isLessThan(store.load());
    }

    @Test
    void issuesNothingBeyondThePersistedBoundWhenTheStoreFails() {
        FailingStore store = new FailingStore();
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET, store);
        store.failing = true;
        clock.advanceMillis(800);

        assertThatThrownBy(hlc::now).isInstanceOf(HlcStoreUnavailable.class);
        assertThatThrownBy(hlc::now).isInstanceOf(HlcStoreUnavailable.class);

        store.failing = false;
        long issued = hlc.now();
        assertThat(issued).isLessThan(store.load());
    }

    @Test
    void refusesACorruptPersistedBound() {
        HlcStore corrupt = new HlcStore() {
            @Override
            public long load() {
                return -5;
            }

            @Override
            public void persist(long upperBound) {}
        };

        assertThatThrownBy(() -> HybridLogicalClock.create(clock, MAX_OFFSET, corrupt))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be >= 0, but was -5");
    }

    private static final class FailingStore implements HlcStore {
        private final InMemoryHlcStore delegate = new InMemoryHlcStore();
        volatile boolean failing;

        @Override
        public long load() {
            return delegate.load();
        }

        @Override
        public void persist(long upperBound) {
            if (failing) {
                throw new HlcStoreUnavailable("store down", new java.io.IOException("disk gone"));
            }
            delegate.persist(upperBound);
        }
    }
}
