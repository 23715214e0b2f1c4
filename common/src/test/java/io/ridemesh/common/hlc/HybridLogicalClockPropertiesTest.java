package io.ridemesh.common.hlc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class HybridLogicalClockPropertiesTest {

    private static final Duration MAX_OFFSET = Duration.ofMillis(500);

    /** A wall-clock step in nanoseconds: small jitter, steps back of up to 10 s, forward jumps of up to 1 h. */
    @Provide
    Arbitrary<Long> clockSteps() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.longs().between(-100_000, 100_000)),
                Tuple.of(5, Arbitraries.longs().between(0, 5_000_000)),
                Tuple.of(2, Arbitraries.longs().between(-10_000_000_000L, 0)),
                Tuple.of(1, Arbitraries.longs().between(0, 3_600_000_000_000L)));
    }

    @Property(tries = 300)
    void nowIsStrictlyMonotonicUnderArbitraryClockSteps(
            @ForAll @Size(min = 1, max = 300) List<@From("clockSteps") Long> stepsNanos) {
        MutableClock clock = new MutableClock();
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);
        long previous = hlc.now();
        for (long step : stepsNanos) {
            clock.advance(Duration.ofNanos(step));
            for (int i = 0; i < 3; i++) {
                long next = hlc.now();
                assertThat(next).isGreaterThan(previous);
                assertThat(HybridLogicalClock.physicalMs(next)).isGreaterThanOrEqualTo(clock.millis());
                previous = next;
            }
        }
        assertThat(hlc.peek()).isEqualTo(previous);
    }

    @Property(tries = 200)
    void persistedBoundStaysAboveEveryIssuedTimestampUnderArbitraryClockSteps(
            @ForAll @Size(min = 1, max = 200) List<@From("clockSteps") Long> stepsNanos) {
        MutableClock clock = new MutableClock();
        InMemoryHlcStore store = new InMemoryHlcStore();
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET, store);
        for (long step : stepsNanos) {
            clock.advance(Duration.ofNanos(step));
            assertThat(hlc.now()).isLessThan(store.load());
        }
        assertThat(store.writes()).isLessThanOrEqualTo(stepsNanos.size() + 1L);
    }

    record Event(long stepNanos, boolean remote, long remoteOffsetMs, int remoteLogical) {}

    @Provide
    Arbitrary<Event> events() {
        return Combinators.combine(
                        clockSteps(),
                        Arbitraries.of(true, false),
                        // Remote clocks from 10 s behind up to exactly maxOffset ahead: always accepted.
                        Arbitraries.longs().between(-10_000, MAX_OFFSET.toMillis()),
                        Arbitraries.integers().between(0, HybridLogicalClock.MAX_LOGICAL))
                .as(Event::new);
    }

    @Property(tries = 300)
    void updateNeverDecreasesAndExceedsBothRemoteAndEverythingIssuedBefore(
            @ForAll @Size(min = 1, max = 300) List<@From("events") Event> events) {
        MutableClock clock = new MutableClock();
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);
        long previous = hlc.now();
        for (Event event : events) {
            clock.advance(Duration.ofNanos(event.stepNanos()));
            long next;
            if (event.remote()) {
                long remote = HybridLogicalClock.of(clock.millis() + event.remoteOffsetMs(), event.remoteLogical());
                next = hlc.update(remote);
                assertThat(next).isGreaterThan(remote);
            } else {
                next = hlc.now();
            }
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
        assertThat(hlc.rejectedRemotes()).isZero();
    }

    @Property(tries = 20)
    void logicalOverflowCarriesIntoTheMillisecondPart(@ForAll @IntRange(min = 1, max = 300_000) int calls) {
        MutableClock clock = new MutableClock();
        long wallMs = clock.millis();
        HybridLogicalClock hlc = HybridLogicalClock.create(clock, MAX_OFFSET);
        long last = 0;
        for (int i = 0; i < calls; i++) {
            last = hlc.now();
        }
        long ticksPastWall = calls - 1L;
        assertThat(HybridLogicalClock.physicalMs(last)).isEqualTo(wallMs + ticksPastWall / 65_536);
        assertThat(HybridLogicalClock.logical(last)).isEqualTo((int) (ticksPastWall % 65_536));
    }

    @Property
    void formatAndParseAreInverse(
            @ForAll @LongRange(min = 0, max = (1L << 48) - 1) long physicalMs,
            @ForAll @IntRange(min = 0, max = 65_535) int logical) {
        long hlc = HybridLogicalClock.of(physicalMs, logical);
        assertThat(HybridLogicalClock.parse(HybridLogicalClock.format(hlc))).isEqualTo(hlc);
        assertThat(HybridLogicalClock.physicalMs(hlc)).isEqualTo(physicalMs);
        assertThat(HybridLogicalClock.logical(hlc)).isEqualTo(logical);
    }
}
