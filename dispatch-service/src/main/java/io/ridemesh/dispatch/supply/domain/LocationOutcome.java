package io.ridemesh.dispatch.supply.domain;

/** What a location fix did to the supply index. */
public enum LocationOutcome {
    /** Stored; an available driver moved in the index (and between cells if it crossed one). */
    UPDATED,
    /** Older than the last stored fix (devices resend and reorder): ignored, nothing changed. */
    OUT_OF_ORDER,
    /** The driver is offline or unknown (its state expired): nothing stored, the driver must go online first. */
    NOT_ONLINE
}
