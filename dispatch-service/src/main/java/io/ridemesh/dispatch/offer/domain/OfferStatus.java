package io.ridemesh.dispatch.offer.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Life of an offer.
 *
 * <pre>
 * PENDING --accept--> ACCEPTING --order-service assigned--> ACCEPTED
 *                     ACCEPTING --order-service 409/404--> VOID       (ride taken or cancelled)
 *                     ACCEPTING --order-service unreachable--> PENDING (the driver may retry)
 * PENDING --decline--> DECLINED   (ride re-dispatched without this driver)
 * PENDING, ACCEPTING --deadline--> EXPIRED (ride re-dispatched without this driver)
 * </pre>
 */
public enum OfferStatus {
    PENDING,
    ACCEPTING,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    VOID;

    /** The value stored in Redis. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status stored as {@code code}, if it is one. */
    public static Optional<OfferStatus> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    /** Whether the offer still binds its driver (and holds the driver lock). */
    public boolean open() {
        return this == PENDING || this == ACCEPTING;
    }
}
