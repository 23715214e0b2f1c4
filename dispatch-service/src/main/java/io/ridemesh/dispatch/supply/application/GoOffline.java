package io.ridemesh.dispatch.supply.application;

import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverStatus;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import io.ridemesh.dispatch.supply.domain.OfflineOutcome;
import java.util.Objects;

/**
 * Use case: a driver goes offline. An open offer is declined first (its ride is re-dispatched); a driver on a trip
 * cannot go offline. Thread-safe.
 */
public final class GoOffline {

    private final DriverSupply supply;
    private final HeldOffers heldOffers;
    private final SupplySettings settings;

    public GoOffline(DriverSupply supply, HeldOffers heldOffers, SupplySettings settings) {
        this.supply = Objects.requireNonNull(supply, "supply");
        this.heldOffers = Objects.requireNonNull(heldOffers, "heldOffers");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Idempotent: an offline or unknown driver stays so.
     *
     * @throws DriverBusy if the driver is on a trip (or got a new offer in between twice)
     */
    public void offline(DriverId driver) {
        for (int attempt = 0; attempt < 2; attempt++) {
            OfflineOutcome outcome = supply.goOffline(driver, settings.stateTtl());
            switch (outcome) {
                case WENT_OFFLINE:
                case UNKNOWN:
                    return;
                case ON_TRIP:
                    throw new DriverBusy(driver, DriverStatus.ON_TRIP);
                case HOLDS_OFFER:
                    heldOffers.declineHeldBy(driver);
                    break;
                default:
                    throw new IllegalStateException("unknown outcome " + outcome);
            }
        }
        throw new DriverBusy(driver, DriverStatus.OFFERED);
    }
}
