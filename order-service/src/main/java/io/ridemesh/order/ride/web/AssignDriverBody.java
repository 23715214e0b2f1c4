package io.ridemesh.order.ride.web;

import io.ridemesh.kit.problem.FieldErrors;
import io.ridemesh.order.ride.domain.DriverId;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/rides/{id}/assign}.
 *
 * @param driverId the driver's user id, 1..64 characters without whitespace
 */
public record AssignDriverBody(@Nullable String driverId) {

    /**
     * Checks the driver id, recording problems in {@code errors}.
     *
     * @return the driver, or {@code null} if rejected
     */
    @Nullable
    DriverId validate(FieldErrors errors) {
        if (!errors.requirePresent("driverId", driverId)) {
            return null;
        }
        try {
            return new DriverId(driverId);
        } catch (IllegalArgumentException e) {
            errors.reject("driverId", e.getMessage().replaceFirst("^driverId ", ""));
            return null;
        }
    }
}
