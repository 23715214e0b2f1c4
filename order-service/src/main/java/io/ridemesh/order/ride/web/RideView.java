package io.ridemesh.order.ride.web;

import io.ridemesh.order.ride.domain.DriverId;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.TripActuals;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A ride as JSON. {@code id} is a decimal string: ride ids use all 63 bits and JavaScript numbers lose precision above
 * 2<sup>53</sup>. Times are ISO-8601 UTC; money in minor units of {@code currency}; distances in metres; durations
 * in seconds.
 *
 * @param id global ride id (carries the unit)
 * @param unitId the unit of the pickup
 * @param status lifecycle status
 * @param riderId the rider
 * @param driverId the driver who holds (or held) it
 * @param product SOLO or POOL
 * @param seats seats booked
 * @param pickup pickup point
 * @param dropoff dropoff point
 * @param quoteId the quote it was booked at
 * @param quotedFareCents the upfront fare
 * @param quotedDistanceMetres the distance the quote was priced for
 * @param quotedDurationSeconds the duration the quote was priced for
 * @param finalFareCents the fare charged, once completed
 * @param cancellationFeeCents the fee charged, once cancelled
 * @param currency ISO 4217
 * @param requestedAt when requested
 * @param updatedAt when last changed
 * @param assignedAt when the current driver got it
 * @param arrivedAt when the current driver arrived at the pickup
 * @param actualDistanceMetres measured distance, once completed
 * @param actualDurationSeconds measured duration, once completed
 * @param version the row version (increases with every write in this region)
 */
public record RideView(
        String id,
        int unitId,
        String status,
        String riderId,
        @Nullable String driverId,
        String product,
        int seats,
        PointBody pickup,
        PointBody dropoff,
        String quoteId,
        long quotedFareCents,
        long quotedDistanceMetres,
        long quotedDurationSeconds,
        @Nullable Long finalFareCents,
        @Nullable Long cancellationFeeCents,
        String currency,
        String requestedAt,
        String updatedAt,
        @Nullable String assignedAt,
        @Nullable String arrivedAt,
        @Nullable Long actualDistanceMetres,
        @Nullable Long actualDurationSeconds,
        long version) {

    /** The JSON view of {@code ride}. */
    public static RideView of(Ride ride) {
        DriverId driver = ride.driverId();
        TripActuals actuals = ride.actuals();
        return new RideView(
                ride.id().toString(),
                ride.unitId(),
                ride.status().name(),
                ride.riderId().value(),
                driver == null ? null : driver.value(),
                ride.trip().product().name(),
                ride.trip().seats(),
                new PointBody(ride.trip().pickup().lat(), ride.trip().pickup().lon()),
                new PointBody(ride.trip().dropoff().lat(), ride.trip().dropoff().lon()),
                ride.quote().quoteId(),
                ride.quote().fareCents(),
                ride.quote().distanceMetres(),
                ride.quote().durationSeconds(),
                ride.finalFareCents(),
                ride.cancellationFeeCents(),
                ride.quote().currency(),
                ride.requestedAt().toString(),
                ride.updatedAt().toString(),
                text(ride.assignedAt()),
                text(ride.arrivedAt()),
                actuals == null ? null : actuals.distanceMetres(),
                actuals == null ? null : actuals.durationSeconds(),
                ride.revision().version());
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
