package io.ridemesh.benchmarks;

import io.ridemesh.common.quote.QuoteClaims;
import io.ridemesh.common.quote.QuoteSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Bodies of {@code POST /v1/rides} for the benchmarks: a SOLO ride between two random points in Manhattan with a quote
 * token signed as pricing-service signs one (1,500 cents, valid 2 minutes). Stateless; thread-safe when the random
 * generator is.
 */
final class RideRequestBodies {

    private RideRequestBodies() {}

    /**
     * A ride request with a freshly signed quote.
     *
     * @param quotes the signer with the playground's quote key
     * @param random where the points come from
     * @param quoteId the quote's id (unique per request: order-service takes a quote once)
     * @param riderId the rider the quote is issued to: the subject of the token the request is sent with
     * @return the JSON body
     */
    static String signed(QuoteSigner quotes, RandomGenerator random, String quoteId, String riderId) {
        double pickupLat = micro(40.70 + random.nextDouble() * 0.10);
        double pickupLon = micro(-74.01 + random.nextDouble() * 0.06);
        double dropoffLat = micro(40.70 + random.nextDouble() * 0.10);
        double dropoffLon = micro(-74.01 + random.nextDouble() * 0.06);
        String token = quotes.sign(new QuoteClaims(
                quoteId,
                "SOLO",
                1,
                pickupLat,
                pickupLon,
                dropoffLat,
                dropoffLon,
                1500,
                "USD",
                1000,
                5000,
                900,
                Instant.now().plus(Duration.ofMinutes(2)),
                riderId));
        return String.format(
                Locale.ROOT,
                "{\"quoteToken\":\"%s\",\"pickup\":{\"lat\":%.6f,\"lon\":%.6f},\"dropoff\":{\"lat\":%.6f,\"lon\":%.6f},"
                        + "\"product\":\"SOLO\",\"seats\":1}",
                token,
                pickupLat,
                pickupLon,
                dropoffLat,
                dropoffLon);
    }

    /** Rounds to 1e-6 degrees (about 0.1 m): the precision the request body carries. */
    private static double micro(double degrees) {
        return Math.round(degrees * 1_000_000) / 1_000_000.0;
    }
}
