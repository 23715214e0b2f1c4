package io.ridemesh.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.testsupport.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class GlobalIdGeneratorPropertiesTest {

    /** Wall-clock steps in nanoseconds: jitter, steps back of up to 10 s, forward jumps of up to 1 h. */
    @Provide
    Arbitrary<Long> clockSteps() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.longs().between(-100_000, 100_000)),
                Tuple.of(5, Arbitraries.longs().between(0, 5_000_000)),
                Tuple.of(2, Arbitraries.longs().between(-10_000_000_000L, 0)),
                Tuple.of(1, Arbitraries.longs().between(0, 3_600_000_000_000L)));
    }

    record Call(long stepNanos, int unitId, int burst) {}

    @Provide
    Arbitrary<Call> calls() {
        return Combinators.combine(
                        clockSteps(),
                        Arbitraries.integers().between(0, 63),
                        Arbitraries.integers().between(1, 700))
                .as(Call::new);
    }

    @Property(tries = 200)
    void idsAreStrictlyIncreasingUnderArbitraryClockSteps(
            @ForAll @Size(min = 1, max = 100) List<@From("clockSteps") Long> stepsNanos,
            @ForAll @IntRange(min = 0, max = 15) int regionId,
            @ForAll @IntRange(min = 0, max = 7) int nodeId) {
        MutableClock clock = new MutableClock();
        GlobalIdGenerator ids = GlobalIdGenerator.create(regionId, nodeId, clock);
        long previous = ids.nextId();
        for (long step : stepsNanos) {
            clock.advance(Duration.ofNanos(step));
            for (int i = 0; i < 5; i++) {
                long next = ids.nextId();
                assertThat(next).isGreaterThan(previous);
                DecodedId decoded = GlobalIdGenerator.decode(next);
                assertThat(decoded.regionId()).isEqualTo(regionId);
                assertThat(decoded.nodeId()).isEqualTo(nodeId);
                previous = next;
            }
        }
    }

    @Property(tries = 100)
    void idsAreUniqueAcrossUnitsAndStrictlyIncreasingPerUnit(
            @ForAll @Size(min = 1, max = 50) List<@From("calls") Call> calls) {
        MutableClock clock = new MutableClock();
        GlobalIdGenerator ids = GlobalIdGenerator.create(3, 2, clock);
        Set<Long> seen = new HashSet<>();
        Map<Integer, Long> lastPerUnit = new HashMap<>();
        for (Call call : calls) {
            clock.advance(Duration.ofNanos(call.stepNanos()));
            for (int i = 0; i < call.burst(); i++) {
                long id = ids.nextId(call.unitId());
                assertThat(seen.add(id)).as("id %d is unique", id).isTrue();
                assertThat(GlobalIdGenerator.unitOf(id)).isEqualTo(call.unitId());
                Long previous = lastPerUnit.put(call.unitId(), id);
                if (previous != null) {
                    assertThat(id).isGreaterThan(previous);
                }
            }
        }
    }
}
