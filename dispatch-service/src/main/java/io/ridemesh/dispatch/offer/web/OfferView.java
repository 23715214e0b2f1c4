package io.ridemesh.dispatch.offer.web;

import io.ridemesh.dispatch.offer.domain.Offer;
import java.util.Map;

/**
 * An offer as the driver app sees it. Ids are decimal strings (64-bit ids overflow JavaScript numbers).
 *
 * @param offerId the offer
 * @param rideId the ride
 * @param status PENDING, ACCEPTING, ACCEPTED, DECLINED, EXPIRED or VOID
 * @param pickup {lat, lon}
 * @param dropoff {lat, lon}
 * @param seats seats booked
 * @param pickupEtaSeconds estimated time to the pickup when offered, seconds
 * @param expiresAt deadline to accept, ISO-8601 UTC
 */
record OfferView(
        String offerId,
        String rideId,
        String status,
        Map<String, Double> pickup,
        Map<String, Double> dropoff,
        int seats,
        long pickupEtaSeconds,
        String expiresAt) {

    static OfferView of(Offer o) {
        return new OfferView(
                Long.toString(o.offerId()),
                Long.toString(o.rideId()),
                o.status().name(),
                Map.of("lat", o.pickup().lat(), "lon", o.pickup().lon()),
                Map.of("lat", o.dropoff().lat(), "lon", o.dropoff().lon()),
                o.seats(),
                o.pickupEtaSeconds(),
                o.expiresAt().toString());
    }
}
