package io.ridemesh.order.ride.application;

import io.ridemesh.order.ride.domain.IdempotencyKey;
import io.ridemesh.order.ride.domain.RiderId;
import io.ridemesh.order.ride.domain.Trip;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Command: a rider asks for a ride at a quoted price. Immutable; thread-safe.
 *
 * @param riderId who asks
 * @param idempotencyKey the client's key: retries with the same key and body return the same ride
 * @param quoteToken the signed quote from pricing-service
 * @param trip pickup, dropoff, product and seats, which must match the quote
 */
public record RideRequest(RiderId riderId, IdempotencyKey idempotencyKey, String quoteToken, Trip trip) {

    public RideRequest {
        Objects.requireNonNull(riderId, "riderId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(quoteToken, "quoteToken");
        Objects.requireNonNull(trip, "trip");
    }

    /**
     * SHA-256 (lower-case hex) of the request's meaning: quote token, coordinates, product and seats. Two bodies that
     * differ only in JSON formatting (whitespace, field order, {@code 40.70} vs {@code 40.7}) have the same
     * fingerprint.
     */
    public String fingerprint() {
        String canonical = String.join(
                "|",
                "v1",
                quoteToken,
                Double.toString(trip.pickup().lat()),
                Double.toString(trip.pickup().lon()),
                Double.toString(trip.dropoff().lat()),
                Double.toString(trip.dropoff().lon()),
                trip.product().name(),
                Integer.toString(trip.seats()));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable in this JVM", e);
        }
    }
}
