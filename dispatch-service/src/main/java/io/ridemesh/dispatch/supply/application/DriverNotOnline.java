package io.ridemesh.dispatch.supply.application;

import io.ridemesh.dispatch.supply.domain.DriverId;

/** A location came from a driver who is offline or whose state expired; nothing was stored. Maps to 409. */
public final class DriverNotOnline extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DriverNotOnline(DriverId driver) {
        super("driver " + driver + " is not online (offline, or no location for too long): go online first");
    }
}
