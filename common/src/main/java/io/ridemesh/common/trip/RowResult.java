package io.ridemesh.common.trip;

/** Outcome of parsing one data row: a trip, or the reason it was left out. */
sealed interface RowResult {

    /** The row became a trip. */
    record Accepted(Trip trip) implements RowResult {}

    /** The row was left out. */
    record Skipped(SkipReason reason) implements RowResult {}

    static RowResult skip(SkipReason reason) {
        return new Skipped(reason);
    }
}
