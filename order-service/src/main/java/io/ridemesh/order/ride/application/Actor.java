package io.ridemesh.order.ride.application;

import io.ridemesh.kit.security.Role;
import io.ridemesh.order.ride.domain.DriverId;
import io.ridemesh.order.ride.domain.RiderId;
import java.util.Objects;

/**
 * Who is calling: an authenticated user id and role. Immutable; thread-safe.
 *
 * @param userId the JWT {@code sub}
 * @param role the JWT {@code role}
 */
public record Actor(String userId, Role role) {

    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    /** This user as a rider. */
    public RiderId asRider() {
        return new RiderId(userId);
    }

    /** This user as a driver. */
    public DriverId asDriver() {
        return new DriverId(userId);
    }
}
