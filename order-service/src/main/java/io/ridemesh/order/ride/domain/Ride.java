package io.ridemesh.order.ride.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A ride: the aggregate of order-service. Immutable; every command is an intention-revealing method that checks the
 * current status, returns the changed ride with the event it caused as a {@link Transition}, and fails with
 * {@link IllegalRideTransition} naming the current status when the status does not allow it.
 *
 * <p><b>Repeats are no-ops.</b> A command repeated by the same actor when the ride is already in the command's target
 * status returns the ride unchanged and no event (e.g. dispatch assigning a driver who already holds the ride), so
 * clients may retry safely.
 *
 * <p>Persisting is not the ride's business: {@link Rides} writes the changed ride conditionally on {@link #revision()}
 * (the versioned compare-and-set of the replicated-row contract). Thread-safe (immutable).
 *
 * @param id global id carrying the unit
 * @param riderId who requested it
 * @param driverId who holds it; set in every status that {@linkplain RideStatus#requiresDriver() requires} one, kept
 *     after a rider cancellation for the record, cleared when the driver releases the ride
 * @param status where it is in the lifecycle
 * @param trip pickup, dropoff, product, seats
 * @param quote the upfront price
 * @param finalFareCents what the rider pays for the trip, set once COMPLETED; minor units of the quote's currency
 * @param cancellationFeeCents what the rider pays for cancelling, set once cancelled; minor units
 * @param idempotencyKey the rider's key for the creating request
 * @param requestHash SHA-256 (64 lower-case hex digits) of the creating request, to tell a retry from a reuse of the
 *     key
 * @param requestedAt when it was requested (all instants are truncated to milliseconds, the stored precision)
 * @param updatedAt when it last changed
 * @param assignedAt when the current driver got it, if one holds it
 * @param arrivedAt when the current driver arrived at the pickup, if they did
 * @param actuals measured distance and duration, set once COMPLETED
 * @param revision the stored revision this instance was read at ({@link Revision#NEW} before the first write)
 * @throws IllegalArgumentException if the fields are inconsistent
 */
public record Ride(
        RideId id,
        RiderId riderId,
        @Nullable DriverId driverId,
        RideStatus status,
        Trip trip,
        Quote quote,
        @Nullable Long finalFareCents,
        @Nullable Long cancellationFeeCents,
        IdempotencyKey idempotencyKey,
        String requestHash,
        Instant requestedAt,
        Instant updatedAt,
        @Nullable Instant assignedAt,
        @Nullable Instant arrivedAt,
        @Nullable TripActuals actuals,
        Revision revision) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Ride {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(riderId, "riderId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(trip, "trip");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(revision, "revision");
        // Stored as epoch ms: normalise so a ride equals itself after a round trip through the database.
        requestedAt = requestedAt.truncatedTo(ChronoUnit.MILLIS);
        updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
        assignedAt = assignedAt == null ? null : assignedAt.truncatedTo(ChronoUnit.MILLIS);
        arrivedAt = arrivedAt == null ? null : arrivedAt.truncatedTo(ChronoUnit.MILLIS);
        if (!SHA256_HEX.matcher(requestHash).matches()) {
            throw new IllegalArgumentException(
                    "requestHash must be 64 lower-case hex digits, but was '" + requestHash + "'");
        }
        if (status.requiresDriver() && driverId == null) {
            throw new IllegalArgumentException("driverId must be set in status " + status + ", but was null");
        }
        if (finalFareCents != null && finalFareCents < 0) {
            throw new IllegalArgumentException("finalFareCents must be >= 0, but was " + finalFareCents);
        }
        if (cancellationFeeCents != null && cancellationFeeCents < 0) {
            throw new IllegalArgumentException("cancellationFeeCents must be >= 0, but was " + cancellationFeeCents);
        }
    }

    /**
     * A new ride, REQUESTED, not stored yet.
     *
     * @param id a global id issued for the pickup's unit
     * @param riderId who asks
     * @param trip what was asked for, already checked against the quote
     * @param quote the verified upfront price
     * @param idempotencyKey the rider's key for this request
     * @param requestHash SHA-256 hex of the request
     * @param now the current time
     * @return the ride and {@link RideRequested}
     */
    public static Transition request(
            RideId id,
            RiderId riderId,
            Trip trip,
            Quote quote,
            IdempotencyKey idempotencyKey,
            String requestHash,
            Instant now) {
        Ride ride = new Ride(
                id,
                riderId,
                null,
                RideStatus.REQUESTED,
                trip,
                quote,
                null,
                null,
                idempotencyKey,
                requestHash,
                now,
                now,
                null,
                null,
                null,
                Revision.NEW);
        return new Transition(ride, new RideRequested(id, riderId, trip, quote, now));
    }

    /** The unit the ride belongs to (decoded from its id). */
    public int unitId() {
        return id.unitId();
    }

    /** Whether {@code driver} holds this ride. */
    public boolean isHeldBy(DriverId driver) {
        return driver.equals(driverId);
    }

    /**
     * dispatch-service assigns {@code driver}, who accepted its offer: REQUESTED -> DRIVER_ASSIGNED. The only way a
     * driver takes a ride. A no-op if {@code driver} already holds the ride in DRIVER_ASSIGNED.
     *
     * @throws IllegalRideTransition unless REQUESTED (or the repeat above)
     */
    public Transition assign(DriverId driver, Instant now) {
        if (isRepeat(RideStatus.DRIVER_ASSIGNED, driver)) {
            return Transition.unchanged(this);
        }
        requireStatus(RideCommand.ASSIGN, RideStatus.REQUESTED);
        Ride next = change(RideStatus.DRIVER_ASSIGNED, driver, now).withTimes(now, null);
        return new Transition(next, new DriverAssigned(id, driver, RideCommand.ASSIGN, now));
    }

    /**
     * The driver is at the pickup: DRIVER_ASSIGNED -> DRIVER_ARRIVED. A no-op if already DRIVER_ARRIVED.
     *
     * @throws IllegalRideTransition unless DRIVER_ASSIGNED (or the repeat), or if {@code driver} does not hold it
     */
    public Transition arrive(DriverId driver, Instant now) {
        if (isRepeat(RideStatus.DRIVER_ARRIVED, driver)) {
            return Transition.unchanged(this);
        }
        requireStatus(RideCommand.ARRIVE, RideStatus.DRIVER_ASSIGNED);
        requireHeldBy(RideCommand.ARRIVE, driver);
        Ride next = change(RideStatus.DRIVER_ARRIVED, driver, now).withTimes(assignedAt, now);
        return new Transition(next, new DriverArrived(id, driver, now));
    }

    /**
     * The rider is on board: DRIVER_ARRIVED -> IN_PROGRESS. A no-op if already IN_PROGRESS.
     *
     * @throws IllegalRideTransition unless DRIVER_ARRIVED (or the repeat), or if {@code driver} does not hold it
     */
    public Transition start(DriverId driver, Instant now) {
        if (isRepeat(RideStatus.IN_PROGRESS, driver)) {
            return Transition.unchanged(this);
        }
        requireStatus(RideCommand.START, RideStatus.DRIVER_ARRIVED);
        requireHeldBy(RideCommand.START, driver);
        Ride next = change(RideStatus.IN_PROGRESS, driver, now);
        return new Transition(next, new RideStarted(id, driver, now));
    }

    /**
     * The rider was dropped off: IN_PROGRESS -> COMPLETED, with the final fare from {@code repricing}. A no-op if
     * already COMPLETED (the first report's measurements stand).
     *
     * @throws IllegalRideTransition unless IN_PROGRESS (or the repeat), or if {@code driver} does not hold it
     */
    public Transition complete(DriverId driver, TripActuals measured, Instant now, RepricingPolicy repricing) {
        if (isRepeat(RideStatus.COMPLETED, driver)) {
            return Transition.unchanged(this);
        }
        requireStatus(RideCommand.COMPLETE, RideStatus.IN_PROGRESS);
        requireHeldBy(RideCommand.COMPLETE, driver);
        RepricingPolicy.FinalFare fare = repricing.finalFare(quote, measured);
        Ride next = new Ride(
                id,
                riderId,
                driver,
                RideStatus.COMPLETED,
                trip,
                quote,
                fare.fareCents(),
                null,
                idempotencyKey,
                requestHash,
                requestedAt,
                now,
                assignedAt,
                arrivedAt,
                measured,
                revision);
        return new Transition(
                next,
                new RideCompleted(id, driver, measured, fare.fareCents(), quote.currency(), fare.repriced(), now));
    }

    /**
     * The rider cancels: REQUESTED, DRIVER_ASSIGNED or DRIVER_ARRIVED -> CANCELLED_BY_RIDER, with the fee from
     * {@code policy}. A no-op if already CANCELLED_BY_RIDER. The caller checks that the actor is the ride's rider.
     *
     * @throws IllegalRideTransition in any other status
     */
    public Transition cancelByRider(Instant now, CancellationPolicy policy) {
        if (status == RideStatus.CANCELLED_BY_RIDER) {
            return Transition.unchanged(this);
        }
        requireStatus(
                RideCommand.CANCEL_BY_RIDER,
                RideStatus.REQUESTED,
                RideStatus.DRIVER_ASSIGNED,
                RideStatus.DRIVER_ARRIVED);
        long fee = policy.riderCancellationFeeCents(this, now);
        Ride next = change(RideStatus.CANCELLED_BY_RIDER, driverId, now).withCancellationFee(fee);
        return new Transition(
                next, new RideCancelled(id, RideStatus.CANCELLED_BY_RIDER, driverId, fee, quote.currency(), now));
    }

    /**
     * Withdraws a duplicate on the rider's behalf: REQUESTED, DRIVER_ASSIGNED or DRIVER_ARRIVED ->
     * CANCELLED_AS_DUPLICATE, with no fee. A duplicate is a second ride for the same rider and Idempotency-Key, created by another region
     * during a failover before the first had replicated there ({@link DuplicateRides}); the rider asked once, so the
     * ride they keep is the other one and this one costs them nothing. The driver, if any, is released by the
     * {@link RideCancelled} event like after any rider cancellation. Its own status, not CANCELLED_BY_RIDER: a rider's
     * cancellation decides the group ({@link DuplicateRides}), a withdrawal must not. A no-op if already
     * CANCELLED_AS_DUPLICATE.
     *
     * @throws IllegalRideTransition in any other status (a trip in progress or over is not withdrawn)
     */
    public Transition cancelAsDuplicate(Instant now) {
        if (status == RideStatus.CANCELLED_AS_DUPLICATE) {
            return Transition.unchanged(this);
        }
        requireStatus(
                RideCommand.CANCEL_AS_DUPLICATE,
                RideStatus.REQUESTED,
                RideStatus.DRIVER_ASSIGNED,
                RideStatus.DRIVER_ARRIVED);
        Ride next = change(RideStatus.CANCELLED_AS_DUPLICATE, driverId, now).withCancellationFee(0);
        return new Transition(
                next, new RideCancelled(id, RideStatus.CANCELLED_AS_DUPLICATE, driverId, 0, quote.currency(), now));
    }

    /**
     * The driver gives the ride up ("driver cancels"): DRIVER_ASSIGNED or DRIVER_ARRIVED -> REQUESTED, driver
     * cleared, so dispatch can find another driver. Not terminal: the replicated merge key leads with
     * {@code terminal}, not a status ordinal, so going back is safe.
     *
     * @throws IllegalRideTransition in any other status, or if {@code driver} does not hold the ride
     */
    public Transition release(DriverId driver, Instant now) {
        requireStatus(RideCommand.RELEASE, RideStatus.DRIVER_ASSIGNED, RideStatus.DRIVER_ARRIVED);
        requireHeldBy(RideCommand.RELEASE, driver);
        Ride next = change(RideStatus.REQUESTED, null, now).withTimes(null, null);
        return new Transition(next, new DriverReleased(id, driver, now));
    }

    /**
     * The driver waited at the pickup and the rider did not come: DRIVER_ARRIVED -> CANCELLED_BY_DRIVER, the rider
     * pays the no-show fee. A no-op if already CANCELLED_BY_DRIVER.
     *
     * @throws IllegalRideTransition unless DRIVER_ARRIVED (or the repeat), or if {@code driver} does not hold it
     * @throws RiderNoShowTooEarly if the driver has not waited {@link CancellationPolicy#riderNoShowWait()} yet
     */
    public Transition reportRiderNoShow(DriverId driver, Instant now, CancellationPolicy policy) {
        if (isRepeat(RideStatus.CANCELLED_BY_DRIVER, driver)) {
            return Transition.unchanged(this);
        }
        requireStatus(RideCommand.REPORT_RIDER_NO_SHOW, RideStatus.DRIVER_ARRIVED);
        requireHeldBy(RideCommand.REPORT_RIDER_NO_SHOW, driver);
        Instant arrived = Objects.requireNonNull(arrivedAt, "arrivedAt");
        Instant allowedFrom = policy.noShowAllowedFrom(arrived);
        if (now.isBefore(allowedFrom)) {
            throw new RiderNoShowTooEarly(id, arrived, allowedFrom, now);
        }
        long fee = policy.riderNoShowFeeCents(this);
        Ride next = change(RideStatus.CANCELLED_BY_DRIVER, driver, now).withCancellationFee(fee);
        return new Transition(
                next, new RideCancelled(id, RideStatus.CANCELLED_BY_DRIVER, driver, fee, quote.currency(), now));
    }

    /**
     * dispatch-service found no driver: REQUESTED -> NO_DRIVER_AVAILABLE. A no-op if already NO_DRIVER_AVAILABLE.
     *
     * @throws IllegalRideTransition unless REQUESTED (or the repeat)
     */
    public Transition markNoDriverAvailable(Instant now) {
        if (status == RideStatus.NO_DRIVER_AVAILABLE) {
            return Transition.unchanged(this);
        }
        requireStatus(RideCommand.REPORT_NO_DRIVER, RideStatus.REQUESTED);
        Ride next = change(RideStatus.NO_DRIVER_AVAILABLE, null, now);
        return new Transition(next, new NoDriverAvailable(id, now));
    }

    /** The same ride as stored at {@code stored}. */
    public Ride atRevision(Revision stored) {
        return new Ride(
                id,
                riderId,
                driverId,
                status,
                trip,
                quote,
                finalFareCents,
                cancellationFeeCents,
                idempotencyKey,
                requestHash,
                requestedAt,
                updatedAt,
                assignedAt,
                arrivedAt,
                actuals,
                stored);
    }

    private boolean isRepeat(RideStatus target, DriverId driver) {
        return status == target && isHeldBy(driver);
    }

    private void requireStatus(RideCommand command, RideStatus... allowed) {
        for (RideStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw IllegalRideTransition.needs(id, status, command, allowed);
    }

    private void requireHeldBy(RideCommand command, DriverId driver) {
        if (!isHeldBy(driver)) {
            throw IllegalRideTransition.heldByAnotherDriver(id, status, command);
        }
    }

    private Ride change(RideStatus nextStatus, @Nullable DriverId nextDriver, Instant now) {
        return new Ride(
                id,
                riderId,
                nextDriver,
                nextStatus,
                trip,
                quote,
                finalFareCents,
                cancellationFeeCents,
                idempotencyKey,
                requestHash,
                requestedAt,
                now,
                assignedAt,
                arrivedAt,
                actuals,
                revision);
    }

    private Ride withTimes(@Nullable Instant nextAssignedAt, @Nullable Instant nextArrivedAt) {
        return new Ride(
                id,
                riderId,
                driverId,
                status,
                trip,
                quote,
                finalFareCents,
                cancellationFeeCents,
                idempotencyKey,
                requestHash,
                requestedAt,
                updatedAt,
                nextAssignedAt,
                nextArrivedAt,
                actuals,
                revision);
    }

    private Ride withCancellationFee(long feeCents) {
        return new Ride(
                id,
                riderId,
                driverId,
                status,
                trip,
                quote,
                finalFareCents,
                feeCents,
                idempotencyKey,
                requestHash,
                requestedAt,
                updatedAt,
                assignedAt,
                arrivedAt,
                actuals,
                revision);
    }
}
