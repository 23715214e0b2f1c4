package io.ridemesh.dispatch;

import io.ridemesh.dispatch.matching.application.MatchingSettings;
import io.ridemesh.dispatch.matching.application.TakeoverSettings;
import io.ridemesh.dispatch.matching.pooling.application.PoolingSettings;
import io.ridemesh.dispatch.matching.pooling.domain.PoolingRules;
import io.ridemesh.dispatch.offer.application.OfferSettings;
import io.ridemesh.dispatch.supply.application.SupplySettings;
import io.ridemesh.kit.security.ClientCredentials;
import io.ridemesh.kit.security.ServiceSecuritySettings;
import io.ridemesh.kit.security.TrustedIssuer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of dispatch-service, prefix {@code dispatch}. Defaults live here only. Validated on binding: a bad value
 * stops the service at start with a message naming the property. {@link #toString()} masks the client's secret.
 *
 * @param regionId this region's numeric id, 1..15 ({@code RIDEMESH_REGION_ID}); in offer ids
 * @param regionName this region's name, e.g. {@code a} ({@code RIDEMESH_REGION_NAME}); ride events of this region's
 *     topic are dispatched
 * @param nodeId this process's id generator node, 0..7, unique among the region's dispatch-service processes
 * @param schedulingEnabled whether this process runs the matching windows and the sweeps (tests switch it off)
 * @param supply the driver supply index
 * @param matching batching windows and the ETA model
 * @param offers offers and the driver lock
 * @param orderService the region's order-service client
 * @param messaging the ride-event consumer
 * @param pooling shared-ride promises (see {@code PoolingRules})
 * @param takeover following the unit homes (see {@code FollowUnitHomes})
 * @param maxRequestBody largest accepted request body (a location batch of 500 fixes is about 40 KB); larger ones
 *     get 413
 * @param acceptTokensFrom the authorization servers whose tokens are accepted, every region's identity-service
 *     ({@code RIDEMESH_TRUSTED_ISSUERS}: {@code <issuer> <jwk set uri>[,...]}), at least one
 * @param serviceClient this service's client at its region's authorization server ({@code RIDEMESH_SERVICE_CLIENT_*}):
 *     its tokens toward other services come by the client-credentials grant; absent: its calls to order-service and
 *     the gateway fail
 */
@ConfigurationProperties("dispatch")
@Validated
public record DispatchProperties(
        @Min(1) @Max(15) int regionId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,31}") String regionName,
        @DefaultValue("0") @Min(0) @Max(7) int nodeId,
        @DefaultValue("true") boolean schedulingEnabled,
        @DefaultValue @Valid Supply supply,
        @DefaultValue @Valid Matching matching,
        @DefaultValue @Valid Offers offers,
        @Valid @NotNull OrderService orderService,
        @DefaultValue @Valid Messaging messaging,
        @DefaultValue @Valid Pooling pooling,
        @DefaultValue @Valid Takeover takeover,
        @DefaultValue("64KB") @NotNull DataSize maxRequestBody,
        String acceptTokensFrom,
        @Nullable ClientCredentials serviceClient)
        implements ServiceSecuritySettings {

    public DispatchProperties {
        TrustedIssuer.requireSome("dispatch.accept-tokens-from", acceptTokensFrom);
    }

    /** Regions whose ride events this process dispatches: {@code messaging.accepted-regions}, else this one. */
    public Set<String> acceptedRegions() {
        return messaging.acceptedRegions().isEmpty() ? Set.of(regionName) : Set.copyOf(messaging.acceptedRegions());
    }

    public SupplySettings supplySettings() {
        return new SupplySettings(
                supply.h3Resolution(),
                supply.staleAfter(),
                supply.stateTtl(),
                supply.maxClockSkew(),
                supply.maxBatchPoints());
    }

    public MatchingSettings matchingSettings() {
        return new MatchingSettings(
                matching.searchRadiusMetres(),
                matching.candidatesPerRide(),
                matching.maxRidesPerWindow(),
                matching.maxWindows(),
                offers.timeout(),
                supply.staleAfter(),
                matching.requestTtl(),
                messaging.eventTtl(),
                messaging.maxEventAge());
    }

    public OfferSettings offerSettings() {
        return new OfferSettings(offers.acceptWindow(), supply.staleAfter());
    }

    public TakeoverSettings takeoverSettings() {
        return new TakeoverSettings(
                takeover.sweepInterval(),
                takeover.grace(),
                messaging.maxEventAge(),
                takeover.maxRides(),
                matching.requestTtl());
    }

    public PoolingSettings poolingSettings() {
        return new PoolingSettings(pooling.enabled(), matching.searchRadiusMetres(), pooling.vehiclesPerRide());
    }

    public PoolingRules poolingRules() {
        return new PoolingRules(
                pooling.maxWait(),
                pooling.maxTravelTimeAlpha(),
                pooling.maxTravelTimeBeta(),
                pooling.maxAbsoluteDetour(),
                pooling.stopDuration());
    }

    @Override
    public String toString() {
        return "DispatchProperties[regionId=" + regionId + ", regionName=" + regionName + ", nodeId=" + nodeId
                + ", schedulingEnabled=" + schedulingEnabled + ", supply=" + supply + ", matching="
                + matching + ", offers=" + offers + ", orderService=" + orderService + ", messaging=" + messaging
                + ", pooling=" + pooling + ", takeover=" + takeover + ", maxRequestBody=" + maxRequestBody
                + ", acceptTokensFrom=" + acceptTokensFrom + ", serviceClient=" + serviceClient + "]";
    }

    /**
     * @param h3Resolution H3 resolution of {@code supply:{unit}:cells}; must equal pricing's
     *     {@code pricing.surge.h3-resolution}
     * @param staleAfter a driver without a location fix for this long is not matched and is swept from the index
     *     (default 60 s: a minute without signal, e.g. a tunnel, before a driver leaves matching)
     * @param stateTtl a driver's state hash expires this long after its last write
     * @param sweepInterval how often stale drivers are swept
     * @param maxClockSkew how far in the future a fix's {@code ts} may be
     * @param maxBatchPoints most fixes in one batch, at most 500
     */
    public record Supply(
            @DefaultValue("8") @Min(0) @Max(15) int h3Resolution,
            @DefaultValue("60s") @NotNull Duration staleAfter,
            @DefaultValue("10m") @NotNull Duration stateTtl,
            @DefaultValue("5s") @NotNull Duration sweepInterval,
            @DefaultValue("10s") @NotNull Duration maxClockSkew,
            @DefaultValue("500") @Min(1) @Max(500) int maxBatchPoints) {}

    /**
     * @param window batching window: each unit is matched once per window
     * @param searchRadiusMetres GEOSEARCH radius around a pickup, metres
     * @param candidatesPerRide nearest drivers considered per ride
     * @param maxRidesPerWindow oldest rides of a unit taken into one window
     * @param maxWindows windows without a feasible driver before order-service is told there is none
     * @param maxPickupEta longest pickup ETA offered
     * @param detourFactor road over straight-line distance of the ETA model (see {@code EtaModel})
     * @param speedMetresPerSecond average driving speed of the ETA model, metres per second
     * @param solver {@code or-tools} (optimal; falls back to greedy if its native library does not load) or
     *     {@code greedy}
     * @param requestTtl how long a ride request is kept in Redis
     */
    public record Matching(
            @DefaultValue("1s") @NotNull Duration window,
            @DefaultValue("5000") @Min(100) @Max(50_000) int searchRadiusMetres,
            @DefaultValue("10") @Min(1) @Max(100) int candidatesPerRide,
            @DefaultValue("200") @Min(1) @Max(5000) int maxRidesPerWindow,
            @DefaultValue("30") @Min(1) int maxWindows,
            @DefaultValue("15m") @NotNull Duration maxPickupEta,

            @DefaultValue("1.3") @DecimalMin("1.0") @DecimalMax("3.0")
            double detourFactor,

            @DefaultValue("5.0") @DecimalMin("0.5") @DecimalMax("40.0")
            double speedMetresPerSecond,

            @DefaultValue("or-tools") @Pattern(regexp = "or-tools|greedy")
            String solver,

            @DefaultValue("2h") @NotNull Duration requestTtl) {}

    /**
     * @param timeout how long a driver has to answer an offer; the driver lock's PX
     * @param acceptWindow longest acceptance (the order-service call with retries) before it is swept as expired
     * @param sweepInterval how often expired offers are swept (and their rides re-dispatched)
     * @param retention how long an offer is kept after it is made
     */
    public record Offers(
            @DefaultValue("15s") @NotNull Duration timeout,
            @DefaultValue("30s") @NotNull Duration acceptWindow,
            @DefaultValue("250ms") @NotNull Duration sweepInterval,
            @DefaultValue("1h") @NotNull Duration retention) {}

    /**
     * @param url base URL of the region's order-service ({@code RIDEMESH_ORDER_SERVICE_URL})
     * @param timeout per attempt (Resilience4j time limiter, and the HTTP read timeout)
     * @param connectTimeout TCP connect timeout
     * @param retryAttempts attempts per call, first included
     * @param retryBackoff wait between attempts (doubled each time)
     * @param failureRateThreshold percent of failed calls in the window that opens the circuit
     * @param slidingWindowSize calls in the breaker's window
     * @param openFor how long the open circuit fails fast before probing
     */
    public record OrderService(
            @NotNull URI url,
            @DefaultValue("2s") @NotNull Duration timeout,
            @DefaultValue("1s") @NotNull Duration connectTimeout,
            @DefaultValue("3") @Min(1) @Max(10) int retryAttempts,
            @DefaultValue("200ms") @NotNull Duration retryBackoff,
            @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
            @DefaultValue("20") @Min(2) int slidingWindowSize,
            @DefaultValue("10s") @NotNull Duration openFor) {}

    /**
     * @param enabled whether ride events are consumed at all
     * @param topicPattern topics of order-service's ride events
     * @param acceptedRegions regions whose events are dispatched here; empty = this region only
     * @param eventTtl how long consumed event ids are remembered (de-duplication)
     * @param maxEventAge RideRequested events older than this are ignored (replays of history)
     * @param healthCacheFor how long a broker health answer is reused
     */
    public record Messaging(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("events\\.[a-z]\\.ride") @NotBlank String topicPattern,
            @DefaultValue List<String> acceptedRegions,
            @DefaultValue("7d") @NotNull Duration eventTtl,
            @DefaultValue("10m") @NotNull Duration maxEventAge,
            @DefaultValue("10s") @NotNull Duration healthCacheFor) {}

    /**
     * @param maxWait longest wait from request to pickup (MATSim DRT {@code maxWaitTime})
     * @param maxTravelTimeAlpha ride-time factor over the direct ride (MATSim DRT {@code maxTravelTimeAlpha})
     * @param maxTravelTimeBeta ride-time allowance (MATSim DRT {@code maxTravelTimeBeta})
     * @param maxAbsoluteDetour longest extra ride time (MATSim DRT {@code maxAbsoluteDetour})
     * @param stopDuration time per stop (MATSim DRT {@code stopDuration})
     * @param enabled whether matching inserts POOL rides into active shared trips (off: POOL rides are matched like
     *     SOLO rides with their seat count, and no shared trip is tracked)
     * @param vehiclesPerRide nearest shared-trip vehicles (within {@code matching.search-radius-metres}) tried per POOL
     *     ride
     * @param tripTtl how long a shared trip's Redis keys outlive its last join; a safety net, since a trip ends with
     *     its last rider
     */
    public record Pooling(
            @DefaultValue("10m") @NotNull Duration maxWait,
            @DefaultValue("1.5") @DecimalMin("1.0") double maxTravelTimeAlpha,
            @DefaultValue("7m") @NotNull Duration maxTravelTimeBeta,
            @DefaultValue("15m") @NotNull Duration maxAbsoluteDetour,
            @DefaultValue("30s") @NotNull Duration stopDuration,
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10") @Min(1) @Max(100) int vehiclesPerRide,
            @DefaultValue("4h") @NotNull Duration tripTtl) {}

    /**
     * @param enabled whether dispatch follows the gateway's unit homes (off: every unit is dispatched here, as in tests
     *     without a gateway)
     * @param interval how often the unit homes are read
     * @param sweepInterval how often the waiting rides of the units homed here are checked
     * @param grace rides younger than this are left to the event path
     * @param maxRides at most this many rides taken over per unit and check
     * @param gatewayUrl base URL of the region's gateway ({@code RIDEMESH_GATEWAY_URL}), whose {@code GET /ops/units}
     *     says where every unit is homed; required while {@code enabled} (the waiting rides come from order-service's
     *     query API, {@link OrderService#url()})
     */
    public record Takeover(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500ms") @NotNull Duration interval,
            @DefaultValue("5s") @NotNull Duration sweepInterval,
            @DefaultValue("3s") @NotNull Duration grace,
            @DefaultValue("5000") @Min(1) @Max(100_000) int maxRides,
            @Nullable URI gatewayUrl) {

        public Takeover {
            if (gatewayUrl != null && gatewayUrl.toString().isBlank()) {
                gatewayUrl = null; // RIDEMESH_GATEWAY_URL unset
            }
            if (enabled && gatewayUrl == null) {
                throw new IllegalArgumentException("dispatch.takeover.gateway-url (RIDEMESH_GATEWAY_URL) is required"
                        + " while dispatch.takeover.enabled is true");
            }
        }
    }
}
