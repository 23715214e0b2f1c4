package io.ridemesh.dispatch.offer.application;

import io.ridemesh.dispatch.offer.domain.BeginAccept;
import io.ridemesh.dispatch.offer.domain.LockStats;
import io.ridemesh.dispatch.offer.domain.Offer;
import io.ridemesh.dispatch.offer.domain.OfferStatus;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.offer.domain.PlaceOutcome;
import io.ridemesh.dispatch.offer.domain.Settlement;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Offers} that wakes the driver's waiting long poll ({@link OfferWaiters}) when an offer is placed; everything
 * else is delegated unchanged. Thread-safe if the delegate is.
 */
public final class WakingOffers implements Offers {

    private final Offers delegate;
    private final OfferWaiters waiters;

    public WakingOffers(Offers delegate, OfferWaiters waiters) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.waiters = Objects.requireNonNull(waiters, "waiters");
    }

    @Override
    public PlaceOutcome place(Offer offer, Duration lockTtl, Instant seenSince) {
        PlaceOutcome outcome = delegate.place(offer, lockTtl, seenSince);
        if (outcome == PlaceOutcome.PLACED) {
            waiters.offerPlaced(offer.driverId());
        }
        return outcome;
    }

    @Override
    public List<PlaceOutcome> placeAll(List<Offer> offers, Duration lockTtl, Instant seenSince) {
        List<PlaceOutcome> outcomes = delegate.placeAll(offers, lockTtl, seenSince);
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == PlaceOutcome.PLACED) {
                waiters.offerPlaced(offers.get(i).driverId());
            }
        }
        return outcomes;
    }

    @Override
    public Optional<Offer> find(long offerId) {
        return delegate.find(offerId);
    }

    @Override
    public Optional<Offer> heldBy(DriverId driver) {
        return delegate.heldBy(driver);
    }

    @Override
    public BeginAccept beginAccept(long offerId, DriverId driver, Instant now, Duration acceptWindow) {
        return delegate.beginAccept(offerId, driver, now, acceptWindow);
    }

    @Override
    public boolean abortAccept(long offerId) {
        return delegate.abortAccept(offerId);
    }

    @Override
    public Settlement settle(long offerId, Set<OfferStatus> from, OfferStatus to, Instant now, Instant seenSince) {
        return delegate.settle(offerId, from, to, now, seenSince);
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        return delegate.due(now, limit);
    }

    @Override
    public LockStats lockStats(Instant now) {
        return delegate.lockStats(now);
    }
}
