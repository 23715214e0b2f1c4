package io.ridemesh.order.ride.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of a command on a ride: the ride after it and the event it caused, or no event when the command was a
 * repeat that changed nothing (e.g. assigning the driver who already holds the ride). Immutable; thread-safe.
 *
 * @param ride the ride after the command (the same instance when nothing changed)
 * @param event what happened, or {@code null} if nothing did
 */
public record Transition(Ride ride, @Nullable RideEvent event) {

    public Transition {
        Objects.requireNonNull(ride, "ride");
    }

    static Transition unchanged(Ride ride) {
        return new Transition(ride, null);
    }

    /** Whether the command changed the ride (and must be written with its event). */
    public boolean changed() {
        return event != null;
    }
}
