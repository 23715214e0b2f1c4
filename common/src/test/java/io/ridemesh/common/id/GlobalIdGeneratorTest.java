package io.ridemesh.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.ridemesh.common.hlc.InMemoryHlcStore;
import io.ridemesh.testsupport.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobalIdGeneratorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-04T05:06:07.089Z"));

    @Test
    void encodesTimeRegionUnitNodeAndSequenceAndDecodesThemBack() {
        GlobalIdGenerator ids = GlobalIdGenerator.create(13, 5, clock);

        long first = ids.nextId(42);
        long second = ids.nextId(42);

        assertThat(GlobalIdGenerator.decode(first)).isEqualTo(new DecodedId(first, clock.instant(), 13, 42, 5, 0));
        assertThat(GlobalIdGenerator.decode(second).sequence()).isEqualTo(1);
        assertThat(GlobalIdGenerator.unitOf(first)).isEqualTo(42);
        assertThat(GlobalIdGenerator.regionOf(first)).isEqualTo(13);
    }

    @Test
    void placesTheFieldsAtTheDocumentedBits() {
        GlobalIdGenerator ids = GlobalIdGenerator.create(15, 7, clock);
        long ms = clock.millis() - GlobalIdGenerator.EPOCH.toEpochMilli();

        long id = ids.nextId(63);

        assertThat(id).isPositive();
        assertThat(id >>> 22).isEqualTo(ms);
        assertThat((id >>> 18) & 0xF).isEqualTo(15);
        assertThat((id >>> 12) & 0x3F).isEqualTo(63);
        assertThat((id >>> 9) & 0x7).isEqualTo(7);
        assertThat(id & 0x1FF).isZero();
    }

    @Test
    void aRestartAfterTheClockSteppedBackIssuesNoIdTwice() {
        InMemoryHlcStore store = new InMemoryHlcStore();
        GlobalIdGenerator before = GlobalIdGenerator.create(1, 1, clock, store);
        long lastBefore = 0;
        for (int i = 0; i < 2_000; i++) {
            lastBefore = before.nextId(3);
        }
        // the node restarts on a wall clock 5 s behind what it issued
        clock.set(clock.instant().minusSeconds(5));
        GlobalIdGenerator after = GlobalIdGenerator.create(1, 1, clock, store);

        assertThat(after.nextId(3)).isGreaterThan(lastBefore);
    }

    @Test
    void persistsItsBoundAboutTwiceASecondNotPerId() {
        InMemoryHlcStore store = new InMemoryHlcStore();
        GlobalIdGenerator ids = GlobalIdGenerator.create(1, 1, clock, store);
        for (int second = 0; second < 10; second++) {
            for (int i = 0; i < 100; i++) {
                ids.nextId();
            }
            clock.advance(java.time.Duration.ofSeconds(1));
        }
        // one write at creation, then one per second here (each second passes the 500 ms renew margin)
        assertThat(store.writes()).isBetween(10L, 12L);
    }

    @Test
    void withoutAStoreARestartTrustsTheWallClock() {
        GlobalIdGenerator before = GlobalIdGenerator.create(1, 1, clock);
        long first = before.nextId();
        clock.set(clock.instant().minusSeconds(5));

        assertThat(GlobalIdGenerator.create(1, 1, clock).nextId())
                .as("the documented limit the store removes")
                .isLessThan(first);
    }

    @Test
    void usesUnitZeroWhenNoUnitIsGiven() {
        GlobalIdGenerator ids = GlobalIdGenerator.create(1, 1, clock);

        assertThat(GlobalIdGenerator.unitOf(ids.nextId())).isZero();
    }

    @Test
    void sharesTheSequenceAcrossUnitsSoIdsNeverCollide() {
        GlobalIdGenerator ids = GlobalIdGenerator.create(1, 1, clock);

        long a = ids.nextId(1);
        long b = ids.nextId(2);
        long c = ids.nextId(1);

        assertThat(GlobalIdGenerator.decode(a).sequence()).isZero();
        assertThat(GlobalIdGenerator.decode(b).sequence()).isEqualTo(1);
        assertThat(GlobalIdGenerator.decode(c).sequence()).isEqualTo(2);
        assertThat(c).isGreaterThan(a);
    }

    @Test
    void keepsTheLastMillisecondAndCountsTheStepWhenTheClockGoesBack() {
        GlobalIdGenerator ids = GlobalIdGenerator.create(1, 1, clock);
        long before = ids.nextId();

        clock.advanceMillis(-5_000);
        long after = ids.nextId();

        assertThat(after).isGreaterThan(before);
        assertThat(GlobalIdGenerator.decode(after).timestamp())
                .isEqualTo(GlobalIdGenerator.decode(before).timestamp());
        assertThat(ids.backwardSteps()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "-1, 0, 'regionId must be in [0, 15], but was -1'",
        "16, 0, 'regionId must be in [0, 15], but was 16'",
        "0, -1, 'nodeId must be in [0, 7], but was -1'",
        "0, 8, 'nodeId must be in [0, 7], but was 8'"
    })
    void rejectsRegionAndNodeIdsOutOfRange(int regionId, int nodeId, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GlobalIdGenerator.create(regionId, nodeId, clock))
                .withMessage(message);
    }

    @Test
    void rejectsAUnitIdOutOfRange() {
        GlobalIdGenerator ids = GlobalIdGenerator.create(0, 0, clock);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> ids.nextId(64))
                .withMessage("unitId must be in [0, 63], but was 64");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ids.nextId(-3))
                .withMessage("unitId must be in [0, 63], but was -3");
    }

    @Test
    void rejectsAClockBeforeTheEpoch() {
        MutableClock early = new MutableClock(Instant.parse("2024-12-31T23:59:59Z"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> GlobalIdGenerator.create(0, 0, early))
                .withMessageContaining("at or after the id epoch 2025-01-01T00:00:00Z");
    }

    @Test
    void refusesToDecodeANegativeId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> GlobalIdGenerator.decode(-3))
                .withMessage("id must be >= 0, but was -3");
        assertThatIllegalArgumentException().isThrownBy(() -> GlobalIdGenerator.unitOf(-3));
        assertThatIllegalArgumentException().isThrownBy(() -> GlobalIdGenerator.regionOf(-3));
    }

    @Test
    void validatesDecodedIdFields() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DecodedId(1, Instant.EPOCH, 0, 64, 0, 0))
                .withMessage("unitId must be in [0, 63], but was 64");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DecodedId(1, Instant.EPOCH, 0, 0, 0, 512))
                .withMessage("sequence must be in [0, 511], but was 512");
    }

    @Test
    void lastsUntil2094() {
        MutableClock late = new MutableClock(Instant.parse("2094-09-07T15:47:35.551Z"));
        GlobalIdGenerator ids = GlobalIdGenerator.create(0, 0, late);
        assertThat(GlobalIdGenerator.decode(ids.nextId()).timestamp()).isEqualTo(late.instant());

        late.advanceMillis(1);
        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(ids::nextId)
                .withMessageContaining("id time space exhausted");
    }
}
