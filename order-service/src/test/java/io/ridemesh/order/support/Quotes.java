package io.ridemesh.order.support;

import io.ridemesh.common.quote.QuoteClaims;
import io.ridemesh.common.quote.QuoteSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/** Signs quotes the way pricing-service does, with the test key of application-test.yml. */
public final class Quotes {

    /** Same as {@code order.quote-secret} in application-test.yml. */
    public static final String QUOTE_SECRET_HEX =
            "71756f74652d746573742d6b65792d6f6e6c792d666f722d6f726465722d736572766963652d746573742d31";

    public static final QuoteSigner SIGNER = new QuoteSigner(HexFormat.of().parseHex(QUOTE_SECRET_HEX));

    /** Times Square to Wall Street (both in unit 1, nyc). */
    public static final double PICKUP_LAT = 40.758;

    public static final double PICKUP_LON = -73.9855;
    public static final double DROPOFF_LAT = 40.7074;
    public static final double DROPOFF_LON = -74.0113;

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Quotes() {}

    /**
     * A SOLO 1-seat quote for the standard NYC trip issued to {@code riderId}, 2450 cents, 7 km, 25 min, valid 5
     * minutes after {@code now}.
     */
    public static QuoteClaims nyc(Instant now, String riderId) {
        return claims(
                "SOLO",
                1,
                PICKUP_LAT,
                PICKUP_LON,
                DROPOFF_LAT,
                DROPOFF_LON,
                "USD",
                now.plus(Duration.ofMinutes(5)),
                riderId);
    }

    public static QuoteClaims claims(
            String product,
            int seats,
            double pickupLat,
            double pickupLon,
            double dropoffLat,
            double dropoffLon,
            String currency,
            Instant expiresAt,
            String riderId) {
        return new QuoteClaims(
                "q-" + SEQUENCE.incrementAndGet(),
                product,
                seats,
                pickupLat,
                pickupLon,
                dropoffLat,
                dropoffLon,
                2450,
                currency,
                1000,
                7000,
                1500,
                expiresAt,
                riderId);
    }

    public static String sign(QuoteClaims claims) {
        return SIGNER.sign(claims);
    }
}
