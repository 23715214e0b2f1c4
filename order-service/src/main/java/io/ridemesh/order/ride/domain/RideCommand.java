package io.ridemesh.order.ride.domain;

import java.util.Locale;

/** The state-changing commands on a ride, named in {@link IllegalRideTransition} messages. */
public enum RideCommand {
    /** dispatch-service assigns a driver, after the driver accepted its offer; the only way a driver takes a ride. */
    ASSIGN,
    /** The assigned driver is at the pickup. */
    ARRIVE,
    /** The rider is on board. */
    START,
    /** The rider was dropped off. */
    COMPLETE,
    /** The rider cancels. */
    CANCEL_BY_RIDER,
    /** The assigned driver gives the ride up; it goes back to REQUESTED. */
    RELEASE,
    /** The driver waited at the pickup, the rider did not come. */
    REPORT_RIDER_NO_SHOW,
    /** dispatch-service found no driver. */
    REPORT_NO_DRIVER,
    CANCEL_AS_DUPLICATE;

    /** Lower-case words, e.g. {@code cancel by rider}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
