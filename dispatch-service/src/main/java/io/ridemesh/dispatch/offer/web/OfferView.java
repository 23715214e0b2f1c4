package io.ridemesh.dispatch.offer.web;

import io.ridemesh.dispatch.offer.domain.Offer;
import io.ridemesh.dispatch.offer.domain.PoolTerms;
import java.util.List;
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
 * @param product {@code SOLO}, or {@code POOL} for a shared ride
 * @param stops for a POOL ride joining the driver's current shared trip, the trip's remaining stops once accepted, in
 *     order: {@code {rideId, kind}} with kind {@code PICKUP} or {@code DROPOFF}; empty otherwise
 */
record OfferView(
        String offerId,
        String rideId,
        String status,
        Map<String, Double> pickup,
        Map<String, Double> dropoff,
        int seats,
        long pickupEtaSeconds,
        String expiresAt,
        String product,
        List<Map<String, String>> stops) {

    static OfferView of(Offer o) {
        PoolTerms pool = o.pool();
        return new OfferView(
                Long.toString(o.offerId()),
                Long.toString(o.rideId()),
                o.status().name(),
                Map.of("lat", o.pickup().lat(), "lon", o.pickup().lon()),
                Map.of("lat", o.dropoff().lat(), "lon", o.dropoff().lon()),
                o.seats(),
                o.pickupEtaSeconds(),
                o.expiresAt().toString(),
                pool == null ? "SOLO" : "POOL",
                pool == null
                        ? List.of()
                        : pool.plan().stream()
                                .map(s -> Map.of(
                                        "rideId", Long.toString(s.rideId()), "kind", s.pickup() ? "PICKUP" : "DROPOFF"))
                                .toList());
    }
}
