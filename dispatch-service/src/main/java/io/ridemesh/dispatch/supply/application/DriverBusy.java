package io.ridemesh.dispatch.supply.application;

import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverStatus;

/** A driver on a trip tried to go offline; nothing was changed. Maps to 409. */
public final class DriverBusy extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DriverBusy(DriverId driver, DriverStatus status) {
        super("driver " + driver + " is " + status.code() + ": finish the trip before going offline");
    }
}
