package io.ridemesh.common.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.common.hlc.HybridLogicalClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergeDecisionTest {

    private static long hlc(long ms) {
        return HybridLogicalClock.of(ms, 0);
    }

    @ParameterizedTest(name = "local {0}@{1}, incoming {2}@{3} prev {4} -> {5}")
    @CsvSource({
        // localMs, localOrigin, incomingMs, incomingOrigin, incomingPrevMs, expected
        "-1, 0, 100, 1, 0, Applied", // row absent
        "100, 1, 100, 1, 90, SkippedDuplicate", // same version again
        "100, 1, 90, 1, 80, SkippedStale", // older version of the same origin
        "100, 2, 90, 1, 80, SkippedStale", // older version of another origin: logged where the winner lands
        "100, 1, 110, 1, 100, Applied", // successor, same origin
        "100, 2, 110, 1, 100, Applied", // successor: it replaced the local version
        "100, 2, 110, 1, 105, Conflicted", // it replaced a later version, which need not have seen the local one
        "100, 2, 110, 1, 90, Conflicted", // concurrent: did not see the local version
        "100, 1, 100, 2, 0, Conflicted", // equal hlc, origin breaks the tie, concurrent
    })
    void decidesByMergeKeyAndCausality(
            long localMs, int localOrigin, long incomingMs, int incomingOrigin, long prevMs, String expected) {
        MergeKey local = localMs < 0 ? null : MergeKey.of(hlc(localMs), localOrigin);
        MergeDecision d = MergeDecision.decide(local, MergeKey.of(hlc(incomingMs), incomingOrigin), hlc(prevMs));
        assertThat(d.getClass().getSimpleName()).isEqualTo(expected);
    }

    @Test
    void aTerminalVersionNeverReopensWhateverTheClocksSay() {
        MergeKey completed = new MergeKey(new long[] {1}, hlc(100), 1);
        MergeKey laterOpenWrite = new MergeKey(new long[] {0}, hlc(500), 2);
        assertThat(MergeDecision.decide(completed, laterOpenWrite, hlc(50)).writes())
                .isFalse();
        assertThat(MergeDecision.decide(laterOpenWrite, completed, hlc(50)).writes())
                .isTrue();
    }

    /**
     * Found by {@code ./platform chaos}: c wrote H2 (cancelled) on H1; a, cut off from c, wrote H3 on H1 and then H4
     * (cancelled) on H3. In c, H3 loses to H2 (terminal first) and H4 arrives with {@code prevHlc} = H3, later than
     * H2: H4 wins, and H2 must be logged as its loser, or no region records the acknowledged H2.
     */
    @Test
    void aVersionWhosePredecessorIsLaterButNotTheLocalVersionIsConcurrentWithIt() {
        MergeKey h2 = new MergeKey(new long[] {1}, hlc(100), 3);
        MergeKey h3 = new MergeKey(new long[] {0}, hlc(104), 1);
        MergeKey h4 = new MergeKey(new long[] {1}, hlc(108), 1);
        assertThat(MergeDecision.decide(h2, h3, hlc(90))).isInstanceOf(MergeDecision.SkippedStale.class);

        MergeDecision d = MergeDecision.decide(h2, h4, h3.hlc());

        assertThat(d).isInstanceOf(MergeDecision.Conflicted.class);
        assertThat(((MergeDecision.Conflicted) d).loser()).isEqualTo(h2);
    }

    @Test
    void conflictNamesWinnerAndLoser() {
        MergeKey local = MergeKey.of(hlc(100), 2);
        MergeKey incoming = MergeKey.of(hlc(110), 1);
        MergeDecision.Conflicted c = (MergeDecision.Conflicted) MergeDecision.decide(local, incoming, hlc(90));
        assertThat(c.winner()).isEqualTo(incoming);
        assertThat(c.loser()).isEqualTo(local);
        assertThat(c.incomingWins()).isTrue();
    }

    @Test
    void keepingTheMaxConvergesWhateverTheDeliveryOrderDuplicatesOrReplays() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            List<MergeKey> versions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                versions.add(
                        new MergeKey(new long[] {random.nextInt(2)}, hlc(random.nextInt(20)), 1 + random.nextInt(3)));
            }
            MergeKey expected = Collections.max(versions);
            List<MergeKey> delivery = new ArrayList<>(versions);
            delivery.addAll(versions.subList(0, 3)); // duplicates
            Collections.shuffle(delivery, random);
            MergeKey held = null;
            for (MergeKey v : delivery) {
                if (MergeDecision.decide(held, v, 0).writes()) {
                    held = v;
                }
            }
            assertThat(held).isEqualTo(expected);
        }
    }
}
