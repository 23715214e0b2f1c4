package io.ridemesh.contract.ride;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One ride event as it travels on {@code events.<region>.ride} (key: the ride id), version {@value
 * RideMessageCodec#SCHEMA_VERSION}. The JSON is flat: the {@link Envelope}'s fields, {@code eventType} (the record's
 * simple name), {@code schemaVersion}, then the type's own fields ({@link RideMessageCodec}). Ids travel as decimal
 * strings (JavaScript readers lose 64-bit integers), money in integer cents, distances in metres, durations in
 * seconds, times as epoch ms and ISO-8601 UTC. Immutable; thread-safe.
 */
public sealed interface RideMessage
        permits RideMessage.RideRequested,
                RideMessage.DriverAssigned,
                RideMessage.DriverArrived,
                RideMessage.RideStarted,
                RideMessage.DriverReleased,
                RideMessage.RideCompleted,
                RideMessage.RideCancelled,
                RideMessage.NoDriverAvailable {

    /** What every ride event carries. */
    Envelope envelope();

    /** The event type on the wire: the record's simple name, e.g. {@code RideRequested}. */
    default String eventType() {
        return getClass().getSimpleName();
    }

    /**
     * @param eventId global id of the event, unique: consumers de-duplicate on it
     * @param rideId global id of the ride (its unit bits are {@code unitId})
     * @param unitId the ride's unit, 1..63
     * @param occurredAtMs when the ride changed, epoch ms UTC
     * @param hlc the hybrid logical timestamp of the ride write that produced the event
     */
    record Envelope(long eventId, long rideId, int unitId, long occurredAtMs, long hlc) {
        public Envelope {
            if (eventId <= 0 || rideId <= 0) {
                throw new IllegalArgumentException(
                        "eventId and rideId must be > 0, but were " + eventId + " and " + rideId);
            }
            if (unitId < 0 || unitId > 63) {
                throw new IllegalArgumentException("unitId must be in 0..63, but was " + unitId);
            }
        }
    }

    /** A WGS84 point, degrees. */
    record Point(double lat, double lon) {}

    /**
     * A rider asked for a ride with a quote.
     *
     * @param product {@code SOLO} or {@code POOL}
     * @param seats seats asked for, >= 1
     */
    record RideRequested(
            Envelope envelope,
            String riderId,
            String product,
            int seats,
            Point pickup,
            Point dropoff,
            String quoteId,
            long quotedFareCents,
            String currency,
            long quotedDistanceMetres,
            long quotedDurationSeconds)
            implements RideMessage {
        public RideRequested {
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(riderId, "riderId");
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(pickup, "pickup");
            Objects.requireNonNull(dropoff, "dropoff");
            Objects.requireNonNull(quoteId, "quoteId");
            Objects.requireNonNull(currency, "currency");
            if (seats < 1) {
                throw new IllegalArgumentException("seats must be >= 1, but was " + seats);
            }
        }
    }

    /**
     * A driver holds the ride.
     *
     * @param by {@code ASSIGN} (dispatch assigned it, through the driver's accepted offer); {@code ACCEPT} is no longer
     *     produced (order-service's direct accept is gone), but consumers still read it from older events
     */
    record DriverAssigned(Envelope envelope, String driverId, String by) implements RideMessage {}

    /** The driver is at the pickup. */
    record DriverArrived(Envelope envelope, String driverId) implements RideMessage {}

    /** The rider is on board. */
    record RideStarted(Envelope envelope, String driverId) implements RideMessage {}

    /** The driver let the ride go before the trip; it waits for another. */
    record DriverReleased(Envelope envelope, String driverId) implements RideMessage {}

    /** The trip ended; the fare is final. */
    record RideCompleted(
            Envelope envelope,
            String driverId,
            long actualDistanceMetres,
            long actualDurationSeconds,
            long finalFareCents,
            String currency,
            boolean repriced)
            implements RideMessage {}

    /**
     * The ride was cancelled.
     *
     * @param status the final status, e.g. {@code CANCELLED_BY_RIDER}
     * @param driverId the driver who held it, if any
     */
    record RideCancelled(
            Envelope envelope, String status, @Nullable String driverId, long cancellationFeeCents, String currency)
            implements RideMessage {}

    /** Dispatch found no driver within the ride's wait. */
    record NoDriverAvailable(Envelope envelope) implements RideMessage {}

    /** The driver named by the event, for the types that have one. */
    default @Nullable String driverIdOrNull() {
        return switch (this) {
            case DriverAssigned e -> e.driverId();
            case DriverArrived e -> e.driverId();
            case RideStarted e -> e.driverId();
            case DriverReleased e -> e.driverId();
            case RideCompleted e -> e.driverId();
            case RideCancelled e -> e.driverId();
            case RideRequested e -> null;
            case NoDriverAvailable e -> null;
        };
    }
}
