package io.ridemesh.order.ride.web;

import io.ridemesh.kit.problem.InvalidRequest;
import io.ridemesh.order.ride.domain.RideId;

/** Parses the {@code {id}} path variable. */
final class PathIds {

    private PathIds() {}

    /**
     * @throws InvalidRequest naming {@code id} if it is not a positive decimal 64-bit integer
     */
    static RideId rideId(String text) {
        try {
            return RideId.parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("id", String.valueOf(e.getMessage()));
        }
    }
}
