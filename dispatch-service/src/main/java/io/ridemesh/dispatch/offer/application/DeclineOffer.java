package io.ridemesh.dispatch.offer.application;

import io.ridemesh.dispatch.offer.domain.Offer;
import io.ridemesh.dispatch.offer.domain.OfferStatus;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.offer.domain.Settlement;
import io.ridemesh.dispatch.supply.application.HeldOffers;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Use case: a driver declines an offer. The driver is free again and the ride goes back to its queue, at its original
 * place, without this driver: the next window offers it to the next best driver. Idempotent. Thread-safe.
 */
public final class DeclineOffer implements HeldOffers {

    private final Offers offers;
    private final OfferSettings settings;
    private final InstantSource clock;

    public DeclineOffer(Offers offers, OfferSettings settings, InstantSource clock) {
        this.offers = Objects.requireNonNull(offers, "offers");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the declined offer
     * @throws OfferNotFound unknown offer, or another driver's
     * @throws OfferNotOpen already accepted, expired or void (or being accepted)
     */
    public Offer decline(long offerId, DriverId driver) {
        Offer offer = offers.find(offerId)
                .filter(o -> o.driverId().equals(driver))
                .orElseThrow(() -> new OfferNotFound(offerId));
        Instant now = clock.instant();
        Settlement s = offers.settle(
                offerId, EnumSet.of(OfferStatus.PENDING), OfferStatus.DECLINED, now, now.minus(settings.staleAfter()));
        if (s instanceof Settlement.Missing) {
            throw new OfferNotFound(offerId);
        }
        if (s instanceof Settlement.Unchanged u && u.current() != OfferStatus.DECLINED) {
            throw new OfferNotOpen(offerId, u.current());
        }
        return offer.withStatus(OfferStatus.DECLINED);
    }

    @Override
    public void declineHeldBy(DriverId driver) {
        offers.heldBy(driver).filter(o -> o.status() == OfferStatus.PENDING).ifPresent(o -> {
            try {
                decline(o.offerId(), driver);
            } catch (OfferNotOpen | OfferNotFound e) {
                // answered or expired in between: nothing left to decline
            }
        });
    }
}
