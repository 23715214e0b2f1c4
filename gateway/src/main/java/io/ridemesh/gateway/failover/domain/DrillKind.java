package io.ridemesh.gateway.failover.domain;

import java.util.Locale;

/** What a drill did. Stored lower-case in {@code drill.kind}. */
public enum DrillKind {
    /** Every unit homed in a region moved to a surviving region. */
    EVACUATE,
    /** The units evacuated from a region moved back to it. */
    FAILBACK,
    /** One unit moved by an operator. */
    MOVE;

    /** The stored form, e.g. {@code evacuate}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException if {@code code} is not a kind
     */
    public static DrillKind ofCode(String code) {
        for (DrillKind k : values()) {
            if (k.code().equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("drill kind must be evacuate, failback or move, but was '" + code + "'");
    }
}
