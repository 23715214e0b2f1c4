package io.ridemesh.kit.security;

import java.util.Locale;
import java.util.Optional;

/**
 * A caller's role: the value of the platform token's {@link PlatformTokens#ROLE_CLAIM} claim, and the Spring Security
 * authority {@code ROLE_<claim>} that routes are checked against. Thread-safe.
 */
public enum Role {
    /** Requests, reads and cancels their own rides; asks for quotes. */
    RIDER,
    /** Goes online, takes offers, drives the rides they hold. */
    DRIVER,
    /** Support and operations staff: reads every ride, runs failovers. */
    OPERATOR,
    /** Another service of the platform (dispatch-service assigning a driver). */
    SERVICE;

    /** The claim value, e.g. {@code rider}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role a claim value names ({@code rider}, {@code driver}, {@code operator}, {@code service}), if any. */
    public static Optional<Role> ofClaim(String claim) {
        for (Role role : values()) {
            if (role.claim().equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
