package io.ridemesh.order.ride.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A command that the ride's current status does not allow, e.g. starting a ride that is still REQUESTED. The message
 * names the ride, the command and the current status. Nothing was changed.
 */
public final class IllegalRideTransition extends RuntimeException {

    private final RideId rideId;
    private final RideStatus currentStatus;
    private final RideCommand command;

    IllegalRideTransition(RideId rideId, RideStatus currentStatus, RideCommand command, String reason) {
        super("cannot " + command.label() + " ride " + rideId + ": it is " + currentStatus + ", " + reason);
        this.rideId = rideId;
        this.currentStatus = currentStatus;
        this.command = command;
    }

    static IllegalRideTransition needs(RideId rideId, RideStatus current, RideCommand command, RideStatus... allowed) {
        String needed = Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(" or "));
        return new IllegalRideTransition(rideId, current, command, "but " + command.label() + " needs " + needed);
    }

    static IllegalRideTransition heldByAnotherDriver(RideId rideId, RideStatus current, RideCommand command) {
        return new IllegalRideTransition(rideId, current, command, "and it is held by another driver");
    }

    /** The ride. */
    public RideId rideId() {
        return rideId;
    }

    /** The status the ride was in when the command was refused. */
    public RideStatus currentStatus() {
        return currentStatus;
    }

    /** The refused command. */
    public RideCommand command() {
        return command;
    }
}
