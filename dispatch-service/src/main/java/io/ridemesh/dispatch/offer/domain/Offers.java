package io.ridemesh.dispatch.offer.domain;

import io.ridemesh.dispatch.supply.domain.DriverId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the offer store, which also owns the driver lock ({@code SET driver-lock:{id} {offerId} NX PX
 * {offerTimeout}}). Each method is atomic across processes. Implementations are thread-safe.
 */
public interface Offers {

    /**
     * Places an offer if, atomically: its ride is still pending, the driver lock is free (and is taken), the driver is
     * available and was seen at or after {@code seenSince}, and the ride has no open offer. The driver then leaves the
     * available index (and the cell counts) and the ride leaves the pending queue.
     *
     * <p>An offer that inserts a POOL ride into a shared trip ({@link Offer#poolInsertion()}) needs instead a driver on
     * that active shared trip (status on_trip), seen at or after {@code seenSince}; the driver stays on the trip, and
     * the driver lock still keeps the driver to one open offer.
     *
     * @param lockTtl PX of the driver and ride locks: the offer timeout
     */
    PlaceOutcome place(Offer offer, Duration lockTtl, Instant seenSince);

    /**
     * {@link #place} for each offer, in order, as if placed one after the other. Implementations may do it in one
     * round trip; this default places them one by one.
     *
     * @return one outcome per offer, same order
     */
    default List<PlaceOutcome> placeAll(List<Offer> offers, Duration lockTtl, Instant seenSince) {
        return offers.stream().map(o -> place(o, lockTtl, seenSince)).toList();
    }

    Optional<Offer> find(long offerId);

    /** The open offer the driver holds, if any. */
    Optional<Offer> heldBy(DriverId driver);

    /**
     * PENDING to ACCEPTING for the offer's driver, before its deadline; the locks and the deadline are pushed to
     * {@code now + acceptWindow} so a crash mid-call is swept like an expiry.
     */
    BeginAccept beginAccept(long offerId, DriverId driver, Instant now, Duration acceptWindow);

    /** ACCEPTING back to PENDING with its original deadline (order-service could not be reached). */
    boolean abortAccept(long offerId);

    /**
     * Moves the offer to {@code to} if it is in one of {@code from}; see {@link Settlement.Settled}. Accepting an offer
     * of a POOL ride ({@link Offer#pool()}) also starts the driver's shared trip, or inserts the ride into it along the
     * offer's plan, atomically. Settling a shared-trip insertion otherwise leaves the driver on the trip, unless the
     * trip's last rider left meanwhile: the trip then ends and the driver is free.
     *
     * @param seenSince a freed driver whose last fix is older does not re-enter the available index
     */
    Settlement settle(long offerId, Set<OfferStatus> from, OfferStatus to, Instant now, Instant seenSince);

    /** Ids of open offers whose deadline is at or before {@code now}, at most {@code limit}. */
    List<Long> due(Instant now, int limit);

    /** The driver locks held now. */
    LockStats lockStats(Instant now);
}
