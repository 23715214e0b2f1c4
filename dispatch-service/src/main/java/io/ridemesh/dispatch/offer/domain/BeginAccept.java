package io.ridemesh.dispatch.offer.domain;

/** What starting an acceptance found. Only {@link #STARTED} changed anything. */
public enum BeginAccept {
    /** PENDING became ACCEPTING: call order-service now. */
    STARTED,
    /** Already ACCEPTED (a retried request): nothing to do. */
    ALREADY_ACCEPTED,
    /** No such offer (or it was purged). */
    MISSING,
    /** The offer belongs to another driver. */
    NOT_YOURS,
    /** Its deadline has passed. */
    PAST_DEADLINE,
    /** It is in another status (see the offer). */
    NOT_PENDING
}
