package io.ridemesh.dispatch.offer.application;

import io.ridemesh.dispatch.offer.domain.OfferStatus;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.offer.domain.Settlement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Use case, run periodically: open offers past their deadline expire. The driver is free again (and back in the
 * index if still fresh) and the ride is re-queued without that driver, so the next window re-dispatches it to the next
 * best one. Concurrent sweepers are safe: settling is atomic, each offer expires once. Thread-safe.
 */
public final class ExpireOffers {

    static final int BATCH = 200;

    private final Offers offers;
    private final OfferSettings settings;
    private final InstantSource clock;

    public ExpireOffers(Offers offers, OfferSettings settings, InstantSource clock) {
        this.offers = Objects.requireNonNull(offers, "offers");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return how many offers expired */
    public int expireDue() {
        int expired = 0;
        List<Long> due;
        do {
            Instant now = clock.instant();
            due = offers.due(now, BATCH);
            for (long offerId : due) {
                Settlement s = offers.settle(
                        offerId,
                        EnumSet.of(OfferStatus.PENDING, OfferStatus.ACCEPTING),
                        OfferStatus.EXPIRED,
                        now,
                        now.minus(settings.staleAfter()));
                if (s instanceof Settlement.Settled) {
                    expired++;
                }
            }
        } while (due.size() == BATCH);
        return expired;
    }
}
