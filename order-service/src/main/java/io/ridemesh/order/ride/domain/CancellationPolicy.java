package io.ridemesh.order.ride.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What cancelling costs the rider. Immutable; thread-safe.
 *
 * <ul>
 *   <li>Rider cancels while REQUESTED: free.
 *   <li>Rider cancels while DRIVER_ASSIGNED: free if at most {@code freeWindow} passed since the assignment, else the
 *       unit's fee.
 *   <li>Rider cancels while DRIVER_ARRIVED: the unit's fee (the driver is already there).
 *   <li>Driver reports a rider no-show (allowed once the driver waited {@code riderNoShowWait} at the pickup): the
 *       unit's fee.
 * </ul>
 *
 * <p>A fee never exceeds the ride's quoted fare. Fees are in minor units of the ride's currency.
 *
 * @param freeWindow how long after the assignment the rider may still cancel for free, {@code >= 0}
 * @param riderNoShowWait how long the driver must wait at the pickup before reporting a no-show, {@code >= 0}
 * @param feeCentsByUnit the fee per unit id, cents, each {@code >= 0}; units not listed pay {@code defaultFeeCents}
 * @param defaultFeeCents the fee of units not in {@code feeCentsByUnit}, cents, {@code >= 0}
 * @throws IllegalArgumentException if a value is negative
 */
public record CancellationPolicy(
        Duration freeWindow, Duration riderNoShowWait, Map<Integer, Long> feeCentsByUnit, long defaultFeeCents) {

    public CancellationPolicy {
        Objects.requireNonNull(freeWindow, "freeWindow");
        Objects.requireNonNull(riderNoShowWait, "riderNoShowWait");
        feeCentsByUnit = Map.copyOf(feeCentsByUnit);
        if (freeWindow.isNegative()) {
            throw new IllegalArgumentException("freeWindow must be >= 0, but was " + freeWindow);
        }
        if (riderNoShowWait.isNegative()) {
            throw new IllegalArgumentException("riderNoShowWait must be >= 0, but was " + riderNoShowWait);
        }
        feeCentsByUnit.forEach((unit, fee) -> {
            if (fee < 0) {
                throw new IllegalArgumentException("fee of unit " + unit + " must be >= 0 cents, but was " + fee);
            }
        });
        if (defaultFeeCents < 0) {
            throw new IllegalArgumentException("defaultFeeCents must be >= 0, but was " + defaultFeeCents);
        }
    }

    /** The flat cancellation fee of a unit, cents, before the cap at the quoted fare. */
    public long unitFeeCents(int unitId) {
        return feeCentsByUnit.getOrDefault(unitId, defaultFeeCents);
    }

    /**
     * The fee for the rider cancelling {@code ride} at {@code now}.
     *
     * @throws IllegalArgumentException if the ride is in a status the rider cannot cancel from
     */
    public long riderCancellationFeeCents(Ride ride, Instant now) {
        return switch (ride.status()) {
            case REQUESTED -> 0;
            case DRIVER_ASSIGNED -> {
                Instant assignedAt = Objects.requireNonNull(ride.assignedAt(), "assignedAt");
                yield now.isAfter(assignedAt.plus(freeWindow)) ? cappedFee(ride) : 0;
            }
            case DRIVER_ARRIVED -> cappedFee(ride);
            default -> throw new IllegalArgumentException("a rider cannot cancel a ride in status " + ride.status());
        };
    }

    /** The fee for a rider no-show on {@code ride}. */
    public long riderNoShowFeeCents(Ride ride) {
        return cappedFee(ride);
    }

    /** The earliest instant a driver who arrived at {@code arrivedAt} may report a rider no-show. */
    public Instant noShowAllowedFrom(Instant arrivedAt) {
        return arrivedAt.plus(riderNoShowWait);
    }

    private long cappedFee(Ride ride) {
        return Math.min(unitFeeCents(ride.id().unitId()), ride.quote().fareCents());
    }
}
