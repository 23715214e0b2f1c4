package io.ridemesh.dispatch.supply.application;

import io.ridemesh.dispatch.supply.domain.DriverId;

/** Port to the offer feature: declines whatever offer a driver holds, so the driver can go offline. */
@FunctionalInterface
public interface HeldOffers {

    /** Declines the driver's open offer, if any (the ride goes back to dispatch). */
    void declineHeldBy(DriverId driver);
}
