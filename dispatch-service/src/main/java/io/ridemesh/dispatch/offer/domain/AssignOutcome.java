package io.ridemesh.dispatch.offer.domain;

/** What order-service answered to an assignment or a no-driver report. Closed set. */
public sealed interface AssignOutcome {

    /** Done (2xx); repeating it is harmless (the calls are idempotent). */
    record Done() implements AssignOutcome {}

    /**
     * The ride is no longer REQUESTED or does not exist (409 / 404): taken, cancelled, or ended.
     *
     * @param httpStatus the status order-service sent
     * @param detail its problem detail, if any
     */
    record RideUnavailable(int httpStatus, String detail) implements AssignOutcome {}

    /**
     * order-service could not be reached or kept failing (timeouts, 5xx, circuit open) after retries.
     *
     * @param reason what failed last
     */
    record Unreachable(String reason) implements AssignOutcome {}
}
