package io.ridemesh.order;

import io.ridemesh.common.quote.QuoteSigner;
import io.ridemesh.kit.security.ClientCredentials;
import io.ridemesh.kit.security.ServiceSecuritySettings;
import io.ridemesh.kit.security.TrustedIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * All settings of order-service, prefix {@code order}. Defaults live here only. Validated on binding: a bad value
 * stops the service at start with a message naming the property.
 *
 * <p>Secrets have no default: {@code application.yml} binds them from the environment ({@code RIDEMESH_QUOTE_SECRET},
 * the service client's secret); {@link #toString()} masks them.
 *
 * @param regionId this region's numeric id, 1..15 ({@code RIDEMESH_REGION_ID}); in global ids and {@code origin_region}
 * @param regionName this region's name, e.g. {@code a} ({@code RIDEMESH_REGION_NAME})
 * @param nodeId this process's generator id within the region, 0..7; unique among running order-service nodes of a
 *     region
 * @param quoteSecret hex HMAC-SHA256 key of pricing-service's quote tokens, at least 32 bytes
 * @param hlc the hybrid logical clock
 * @param cancellation cancellation and no-show fees
 * @param repricing when a completed ride's fare deviates from its quote
 * @param seats seats per booking
 * @param maxRequestBody largest accepted request body; larger ones get 413
 * @param listLimit most rides {@code GET /v1/rides} returns, 1..1000
 * @param duplicates the reconciler of duplicate rides created during a failover
 * @param acceptTokensFrom the authorization servers whose tokens are accepted, every region's identity-service
 *     ({@code RIDEMESH_TRUSTED_ISSUERS}: {@code <issuer> <jwk set uri>[,...]}), at least one
 * @param serviceClient this service's client at its region's authorization server ({@code RIDEMESH_SERVICE_CLIENT_*}):
 *     its tokens toward other services come by the client-credentials grant; absent: its calls to the gateway fail
 */
@ConfigurationProperties("order")
public record OrderProperties(
        int regionId,
        String regionName,
        @DefaultValue("0") int nodeId,
        String quoteSecret,
        @DefaultValue Hlc hlc,
        @DefaultValue Cancellation cancellation,
        @DefaultValue Repricing repricing,
        @DefaultValue Seats seats,
        @DefaultValue("16KB") DataSize maxRequestBody,
        @DefaultValue("100") int listLimit,
        @DefaultValue Duplicates duplicates,
        String acceptTokensFrom,
        @Nullable ClientCredentials serviceClient)
        implements ServiceSecuritySettings {

    private static final Pattern REGION_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public OrderProperties {
        Objects.requireNonNull(regionName, "order.region-name must be set (RIDEMESH_REGION_NAME)");
        Objects.requireNonNull(quoteSecret, "order.quote-secret must be set (RIDEMESH_QUOTE_SECRET)");
        Objects.requireNonNull(maxRequestBody, "order.max-request-body");
        if (regionId < 1 || regionId > 15) {
            throw new IllegalArgumentException("order.region-id must be in 1..15, but was " + regionId);
        }
        if (!REGION_NAME.matcher(regionName).matches()) {
            throw new IllegalArgumentException(
                    "order.region-name must match " + REGION_NAME + ", but was '" + regionName + "'");
        }
        if (nodeId < 0 || nodeId > 7) {
            throw new IllegalArgumentException("order.node-id must be in 0..7, but was " + nodeId);
        }
        TrustedIssuer.requireSome("order.accept-tokens-from", acceptTokensFrom);
        requireKey("order.quote-secret", quoteSecret);
        if (maxRequestBody.toBytes() < 1024) {
            throw new IllegalArgumentException(
                    "order.max-request-body must be >= 1KB, but was " + maxRequestBody.toBytes() + " bytes");
        }
        if (listLimit < 1 || listLimit > 1000) {
            throw new IllegalArgumentException("order.list-limit must be in 1..1000, but was " + listLimit);
        }
    }

    /** The quote key bytes. */
    public byte[] quoteKey() {
        return HexFormat.of().parseHex(quoteSecret);
    }

    /** The HLC node key of this process in {@code hlc_high_water}, e.g. {@code order-service/node-0}. */
    public String hlcNodeKey() {
        return hlc.nodeKeyPrefix() + "/node-" + nodeId;
    }

    @Override
    public String toString() {
        return "OrderProperties[regionId=" + regionId + ", regionName=" + regionName + ", nodeId=" + nodeId
                + ", quoteSecret=***, hlc=" + hlc + ", cancellation=" + cancellation + ", repricing="
                + repricing + ", seats=" + seats + ", maxRequestBody=" + maxRequestBody + ", listLimit=" + listLimit
                + ", duplicates=" + duplicates + ", acceptTokensFrom=" + acceptTokensFrom + ", serviceClient="
                + serviceClient + "]";
    }

    private static void requireKey(String property, String hex) {
        if (hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(property + " must be hex digits, but was " + hex.length()
                    + " characters that are not (value not shown)");
        }
        int bytes = hex.length() / 2;
        if (bytes < QuoteSigner.MIN_KEY_BYTES) {
            throw new IllegalArgumentException(property + " must be >= " + QuoteSigner.MIN_KEY_BYTES
                    + " bytes (HMAC-SHA256, RFC 7518 section 3.2), but was " + bytes + " bytes");
        }
    }

    /**
     * The hybrid logical clock that stamps every write.
     *
     * @param maxOffset how far ahead of the local wall clock a remote timestamp may be
     * @param nodeKeyPrefix prefix of this process's row in {@code hlc_high_water}; the node id is appended
     */
    public record Hlc(
            @DefaultValue("500ms") Duration maxOffset,
            @DefaultValue("order-service") String nodeKeyPrefix) {

        public Hlc {
            if (maxOffset.toMillis() < 1) {
                throw new IllegalArgumentException("order.hlc.max-offset must be >= 1ms, but was " + maxOffset);
            }
            if (nodeKeyPrefix.isBlank() || nodeKeyPrefix.length() > 100) {
                throw new IllegalArgumentException(
                        "order.hlc.node-key-prefix must be 1..100 characters, but was '" + nodeKeyPrefix + "'");
            }
        }
    }

    /**
     * Cancellation fees (see {@code CancellationPolicy}).
     *
     * @param freeWindow how long after the assignment a rider may cancel for free
     * @param riderNoShowWait how long a driver waits at the pickup before reporting a rider no-show
     * @param defaultFeeCents fee of units not listed in {@code feeCentsByUnit}, cents
     * @param feeCentsByUnit fee per unit id, cents, e.g. {@code order.cancellation.fee-cents-by-unit.1=500}
     */
    public record Cancellation(
            @DefaultValue("2m") Duration freeWindow,
            @DefaultValue("5m") Duration riderNoShowWait,
            @DefaultValue("500") long defaultFeeCents,
            @DefaultValue Map<Integer, Long> feeCentsByUnit) {

        public Cancellation {
            feeCentsByUnit = Map.copyOf(feeCentsByUnit);
            if (freeWindow.isNegative()) {
                throw new IllegalArgumentException(
                        "order.cancellation.free-window must be >= 0, but was " + freeWindow);
            }
            if (riderNoShowWait.isNegative()) {
                throw new IllegalArgumentException(
                        "order.cancellation.rider-no-show-wait must be >= 0, but was " + riderNoShowWait);
            }
            if (defaultFeeCents < 0) {
                throw new IllegalArgumentException(
                        "order.cancellation.default-fee-cents must be >= 0, but was " + defaultFeeCents);
            }
            feeCentsByUnit.forEach((unit, fee) -> {
                if (unit < 1 || unit > 63 || fee < 0) {
                    throw new IllegalArgumentException("order.cancellation.fee-cents-by-unit must map unit ids 1..63 to"
                            + " fees >= 0, but had " + unit + "=" + fee);
                }
            });
        }
    }

    /**
     * Re-pricing of completed rides (see {@code RepricingPolicy}).
     *
     * @param thresholdPercent tolerated deviation of distance or duration from the quote, percent, 0..100
     * @param maxFactorPercent cap of a re-priced fare, percent of the quoted fare, {@code >= 100}
     */
    public record Repricing(
            @DefaultValue("25") int thresholdPercent,
            @DefaultValue("200") int maxFactorPercent) {

        public Repricing {
            if (thresholdPercent < 0 || thresholdPercent > 100) {
                throw new IllegalArgumentException(
                        "order.repricing.threshold-percent must be in 0..100, but was " + thresholdPercent);
            }
            if (maxFactorPercent < 100) {
                throw new IllegalArgumentException(
                        "order.repricing.max-factor-percent must be >= 100, but was " + maxFactorPercent);
            }
        }
    }

    /**
     * Seats one rider may book.
     *
     * @param soloMax most seats of a SOLO booking
     * @param poolMax most seats of a POOL booking
     */
    public record Seats(
            @DefaultValue("4") int soloMax,
            @DefaultValue("2") int poolMax) {

        public Seats {
            if (soloMax < 1) {
                throw new IllegalArgumentException("order.seats.solo-max must be >= 1, but was " + soloMax);
            }
            if (poolMax < 1) {
                throw new IllegalArgumentException("order.seats.pool-max must be >= 1, but was " + poolMax);
            }
        }
    }

    /**
     * The reconciler of duplicate rides ({@code ReconcileDuplicateRides}).
     *
     * @param enabled whether it runs; off only where there is no gateway to ask (unit tests)
     * @param interval pause between passes, {@code >= 100ms}
     * @param batch most open rides one pass examines, 1..1000
     * @param gatewayUrl base URL of the region's gateway ({@code RIDEMESH_GATEWAY_URL}), whose {@code GET /ops/units}
     *     says where every unit is homed; required while {@code enabled}
     * @param gatewayTimeout connect and read timeout of that call
     */
    public record Duplicates(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5s") Duration interval,
            @DefaultValue("200") int batch,
            @Nullable URI gatewayUrl,
            @DefaultValue("2s") Duration gatewayTimeout) {

        public Duplicates {
            if (gatewayUrl != null && gatewayUrl.toString().isBlank()) {
                gatewayUrl = null; // RIDEMESH_GATEWAY_URL unset
            }
            if (enabled && gatewayUrl == null) {
                throw new IllegalArgumentException("order.duplicates.gateway-url (RIDEMESH_GATEWAY_URL) is required"
                        + " while order.duplicates.enabled is true");
            }
            if (interval.toMillis() < 100) {
                throw new IllegalArgumentException("order.duplicates.interval must be >= 100ms, but was " + interval);
            }
            if (batch < 1 || batch > 1000) {
                throw new IllegalArgumentException("order.duplicates.batch must be in 1..1000, but was " + batch);
            }
        }
    }
}
