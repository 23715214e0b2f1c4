package io.ridemesh.dispatch.offer.application;

import io.ridemesh.dispatch.offer.domain.AssignOutcome;
import io.ridemesh.dispatch.offer.domain.Offer;
import io.ridemesh.dispatch.offer.domain.OfferStatus;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.offer.domain.RideAssignments;
import io.ridemesh.dispatch.offer.domain.Settlement;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: a driver accepts an offer. The offer moves PENDING to ACCEPTING (so it cannot expire under the call),
 * order-service assigns the ride ({@code POST /v1/rides/{id}/assign}, idempotent), then the offer becomes ACCEPTED
 * and the driver ON_TRIP; a 409/404 makes it VOID (the ride is gone, the driver is free); an unreachable
 * order-service puts it back to PENDING for a retry. A retried accept of an accepted offer answers the same.
 * Thread-safe.
 */
public final class AcceptOffer {

    private static final Logger log = LoggerFactory.getLogger(AcceptOffer.class);

    private final Offers offers;
    private final RideAssignments orders;
    private final OfferSettings settings;
    private final InstantSource clock;

    public AcceptOffer(Offers offers, RideAssignments orders, OfferSettings settings, InstantSource clock) {
        this.offers = Objects.requireNonNull(offers, "offers");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @return the accepted offer
     * @throws OfferNotFound unknown offer, or another driver's
     * @throws OfferNotOpen declined, expired, void, or past its deadline
     * @throws OfferVoid order-service says the ride is taken or cancelled
     * @throws OrderServiceUnavailable order-service unreachable; the offer is pending again
     */
    public Offer accept(long offerId, DriverId driver) {
        Instant now = clock.instant();
        switch (offers.beginAccept(offerId, driver, now, settings.acceptWindow())) {
            case MISSING:
            case NOT_YOURS:
                throw new OfferNotFound(offerId);
            case ALREADY_ACCEPTED:
                return offers.find(offerId).orElseThrow(() -> new OfferNotFound(offerId));
            case PAST_DEADLINE:
                offers.settle(offerId, EnumSet.of(OfferStatus.PENDING), OfferStatus.EXPIRED, now, seenSince(now));
                throw new OfferNotOpen(offerId, OfferStatus.EXPIRED);
            case NOT_PENDING:
                throw new OfferNotOpen(offerId, current(offerId));
            case STARTED:
                break;
            default:
                throw new IllegalStateException("unknown accept outcome");
        }
        Offer offer = offers.find(offerId).orElseThrow(() -> new OfferNotFound(offerId));
        AssignOutcome outcome = orders.assign(offer.rideId(), driver);
        Instant after = clock.instant();
        if (outcome instanceof AssignOutcome.Done) {
            Settlement s = offers.settle(
                    offerId, EnumSet.of(OfferStatus.ACCEPTING), OfferStatus.ACCEPTED, after, seenSince(after));
            if (s instanceof Settlement.Unchanged u) {
                // swept meanwhile (the call outlived the accept window); order-service holds the truth
                log.warn(
                        "offer {} of ride {}: assigned by order-service but already {}",
                        offerId,
                        offer.rideId(),
                        u.current().code());
                throw new OfferNotOpen(offerId, u.current());
            }
            return offer.withStatus(OfferStatus.ACCEPTED);
        }
        if (outcome instanceof AssignOutcome.RideUnavailable gone) {
            offers.settle(offerId, EnumSet.of(OfferStatus.ACCEPTING), OfferStatus.VOID, after, seenSince(after));
            throw new OfferVoid(offerId, offer.rideId(), gone.httpStatus() + " " + gone.detail());
        }
        AssignOutcome.Unreachable down = (AssignOutcome.Unreachable) outcome;
        offers.abortAccept(offerId);
        throw new OrderServiceUnavailable(offerId, down.reason());
    }

    private OfferStatus current(long offerId) {
        return offers.find(offerId).map(Offer::status).orElseThrow(() -> new OfferNotFound(offerId));
    }

    private Instant seenSince(Instant now) {
        return now.minus(settings.staleAfter());
    }
}
