package io.ridemesh.order.support;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.order.ride.domain.DriverId;
import io.ridemesh.order.ride.domain.IdempotencyKey;
import io.ridemesh.order.ride.domain.Product;
import io.ridemesh.order.ride.domain.Quote;
import io.ridemesh.order.ride.domain.Revision;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideId;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.RiderId;
import io.ridemesh.order.ride.domain.Trip;
import io.ridemesh.order.ride.domain.TripActuals;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Object mother: rides in any status, as a real history would leave them. */
public final class RideFixture {

    public static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    public static final RiderId RIDER = new RiderId("rider-1");
    public static final DriverId DRIVER = new DriverId("driver-1");
    public static final DriverId OTHER_DRIVER = new DriverId("driver-2");
    public static final Quote QUOTE = new Quote("q-1", 2450, "USD", 7000, 1500);
    public static final Trip TRIP = new Trip(
            new GeoPoint(Quotes.PICKUP_LAT, Quotes.PICKUP_LON),
            new GeoPoint(Quotes.DROPOFF_LAT, Quotes.DROPOFF_LON),
            Product.SOLO,
            1);
    private static final GlobalIdGenerator IDS = GlobalIdGenerator.create(1, 7, () -> T0);

    private RideFixture() {}

    /** {@link #QUOTE}'s terms under a new quote id: a quote buys one ride, so every stored ride needs its own. */
    public static Quote newQuote() {
        return new Quote(
                "q-" + UUID.randomUUID(),
                QUOTE.fareCents(),
                QUOTE.currency(),
                QUOTE.distanceMetres(),
                QUOTE.durationSeconds());
    }

    /** A new id in unit 1 (nyc). */
    public static RideId newId() {
        return new RideId(IDS.nextId(1));
    }

    /** A stored ride (version 3) in {@code status}, held by {@link #DRIVER} where the status involves a driver. */
    public static Ride inStatus(RideStatus status) {
        return inStatus(status, new IdempotencyKey("key-" + UUID.randomUUID()));
    }

    /**
     * Like {@link #inStatus(RideStatus)}, for {@link #RIDER} with the Idempotency-Key {@code key}: calls with one key
     * make a duplicate group (a new id each call, ascending).
     */
    public static Ride inStatus(RideStatus status, IdempotencyKey key) {
        Instant requested = T0;
        Instant assigned = T0.plus(Duration.ofMinutes(1));
        Instant arrived = T0.plus(Duration.ofMinutes(6));
        boolean hasDriver = status.requiresDriver() || status == RideStatus.CANCELLED_BY_RIDER;
        @Nullable Instant assignedAt = hasDriver ? assigned : null;
        @Nullable
        Instant arrivedAt =
                switch (status) {
                    case DRIVER_ARRIVED, IN_PROGRESS, COMPLETED, CANCELLED_BY_DRIVER -> arrived;
                    default -> null;
                };
        return new Ride(
                newId(),
                RIDER,
                hasDriver ? DRIVER : null,
                status,
                TRIP,
                newQuote(),
                status == RideStatus.COMPLETED ? 2450L : null,
                status == RideStatus.CANCELLED_BY_RIDER || status == RideStatus.CANCELLED_BY_DRIVER ? 500L : null,
                key,
                "0".repeat(64),
                requested,
                T0.plus(Duration.ofMinutes(7)),
                assignedAt,
                arrivedAt,
                status == RideStatus.COMPLETED ? new TripActuals(7100, 1600) : null,
                new Revision(3, 1_000_000));
    }
}
