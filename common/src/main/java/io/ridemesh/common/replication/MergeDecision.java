package io.ridemesh.common.replication;

/**
 * What apply does with an incoming version of a row, given the version the region holds. A closed
 * set: {@link Applied}, {@link SkippedDuplicate}, {@link SkippedStale}, {@link Conflicted}.
 */
public sealed interface MergeDecision {

    /** True if the incoming version is to be written. */
    boolean writes();

    /** The row is absent, or the incoming version is a causal successor of the local one. */
    record Applied() implements MergeDecision {
        @Override
        public boolean writes() {
            return true;
        }
    }

    /** The same version (same HLC and origin) was applied before: replay or redelivery. */
    record SkippedDuplicate() implements MergeDecision {
        @Override
        public boolean writes() {
            return false;
        }
    }

    /**
     * The incoming version orders before the local one and is not known to be concurrent with
     * it: a stale replay or a write that the local version already superseded.
     */
    record SkippedStale() implements MergeDecision {
        @Override
        public boolean writes() {
            return false;
        }
    }

    /**
     * The two versions are concurrent (neither saw the other); the one with the greater merge key
     * wins and the loser is recorded in the conflict log.
     *
     * @param incomingWins true if the incoming version replaces the local one
     * @param winner the winning key
     * @param loser the losing key
     */
    record Conflicted(boolean incomingWins, MergeKey winner, MergeKey loser) implements MergeDecision {
        @Override
        public boolean writes() {
            return incomingWins;
        }
    }

    /**
     * Decides the merge of {@code incoming} into a region that holds {@code local} (null when
     * the row is absent).
     *
     * <p>Rules (ARCHITECTURE section 2, with one change, see below): equal keys are duplicates. An incoming version
     * with the greater key is written; it is a causal successor of the local version when its {@code prevHlc} (the
     * HLC of the version it replaced at its origin) <em>is</em> the local HLC, or when both come from the same origin
     * (whose writes to a row are sequential: if something replaced the local version there in between, that region
     * logged it); otherwise the local version is a concurrent loser and the conflict is reported.
     *
     * <p>The change: ARCHITECTURE took a {@code prevHlc} <em>at least</em> the local HLC as proof of succession.
     * {@code ./platform chaos} found the counterexample: c writes H2 on H1; a, cut off from c, writes H3 on H1 (later,
     * so a greater HLC) and then H4 on H3; in c, H3 loses to H2 (H2 is terminal) and H4 arrives with
     * {@code prevHlc} = H3 &gt; H2, so H2 was replaced as if H4 had seen it, and no region logged the acknowledged
     * H2. A greater HLC does not mean "saw it". The price of the exact rule: a version that reaches a region before
     * its own predecessor (they come from different peers' clusters) has the local version logged as a loser although
     * it was replaced transitively; the log over-reports in that case, and never misses a loser. An
     * incoming version with the smaller key is skipped: from the same origin it is a stale replay
     * (a region's own writes to a row are sequential); from another origin it is reported as
     * stale here too, because the region where the winner overwrites it detects and logs the
     * conflict with the winner's {@code prevHlc} — so each conflict is logged once per region that
     * held the loser, and replays never produce false conflicts.
     *
     * @param local the key the region holds, or null if the row is absent
     * @param incoming the key of the incoming version
     * @param incomingPrevHlc the HLC of the version the incoming one replaced at its origin (0 for
     *     an insert)
     */
    static MergeDecision decide(MergeKey local, MergeKey incoming, long incomingPrevHlc) {
        if (local == null) {
            return new Applied();
        }
        int c = incoming.compareTo(local);
        if (c == 0) {
            return new SkippedDuplicate();
        }
        if (c < 0) {
            return new SkippedStale();
        }
        if (incomingPrevHlc == local.hlc() || incoming.originRegion() == local.originRegion()) {
            return new Applied();
        }
        return new Conflicted(true, incoming, local);
    }
}
