package io.ridemesh.gateway.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code role} claim of a JWT, as every service reads it. */
public enum Role {
    RIDER,
    DRIVER,
    OPERATOR,
    SERVICE;

    /** The claim value, e.g. {@code rider}. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> ofClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim().equals(claim)).findFirst();
    }
}
