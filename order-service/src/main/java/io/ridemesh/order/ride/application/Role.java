package io.ridemesh.order.ride.application;

import java.util.Locale;
import java.util.Optional;

/** What a caller is, from the JWT {@code role} claim. */
public enum Role {
    /** Requests, reads and cancels their own rides. */
    RIDER,
    /** Accepts rides and drives the ones they hold. */
    DRIVER,
    /** Support staff: reads every ride. */
    OPERATOR,
    /** Another service of the platform (dispatch-service): assigns drivers, reports no driver available. */
    SERVICE;

    /** The claim value, e.g. {@code rider}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for a claim value ({@code rider}, {@code driver}, {@code operator}, {@code service}), if any. */
    public static Optional<Role> fromClaim(String claim) {
        for (Role role : values()) {
            if (role.claim().equals(claim)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
