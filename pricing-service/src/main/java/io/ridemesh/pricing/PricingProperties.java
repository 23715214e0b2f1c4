package io.ridemesh.pricing;

import io.ridemesh.kit.security.ServiceSecuritySettings;
import io.ridemesh.kit.security.TrustedIssuer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * All settings of pricing-service, prefix {@code pricing}. Defaults live here only.
 *
 * @param quoteSigningKey base64 of the HMAC-SHA256 key shared with order-service, at least 32 bytes decoded
 *     ({@code openssl rand -base64 32}); no default on purpose
 * @param quoteTtl how long an issued quote stays valid
 * @param model where the tariffs and calibration JSON files are
 * @param products seat limits and the POOL seat share
 * @param surge surge parameters (see {@code SurgePricing})
 * @param supply the Redis supply feed
 * @param maxRequestBody largest accepted request body (a quote request is about 150 bytes); larger ones get 413
 * @param acceptTokensFrom the authorization servers whose tokens are accepted, every region's identity-service
 *     ({@code RIDEMESH_TRUSTED_ISSUERS}: {@code <issuer> <jwk set uri>[,...]}), at least one
 */
@ConfigurationProperties("pricing")
@Validated
public record PricingProperties(
        @NotBlank(message = "must be set (base64 of >= 32 random bytes), e.g. via PRICING_QUOTE_SIGNING_KEY")
        String quoteSigningKey,

        @DefaultValue("2m") @NotNull Duration quoteTtl,
        @DefaultValue @Valid Model model,
        @DefaultValue @Valid Products products,
        @DefaultValue @Valid Surge surge,
        @DefaultValue @Valid Supply supply,
        @DefaultValue("16KB") @NotNull DataSize maxRequestBody,
        String acceptTokensFrom)
        implements ServiceSecuritySettings {

    public PricingProperties {
        TrustedIssuer.requireSome("pricing.accept-tokens-from", acceptTokensFrom);
    }

    /**
     * @param tariffs tariffs JSON file; {@code null} = {@code pricing-tariffs.json} on the classpath
     * @param calibration calibration JSON file; {@code null} = {@code pricing-calibration.json} on the classpath
     */
    public record Model(@Nullable Path tariffs, @Nullable Path calibration) {}

    /**
     * @param soloMaxSeats most passengers of a SOLO booking
     * @param poolMaxSeats most seats one POOL booking takes
     * @param poolSeatPercent share of the SOLO metered fare one POOL seat pays, percent
     */
    public record Products(
            @DefaultValue("4") @Min(1) @Max(8) int soloMaxSeats,
            @DefaultValue("2") @Min(1) @Max(8) int poolMaxSeats,
            @DefaultValue("70") @Min(1) @Max(100) int poolSeatPercent) {}

    /**
     * @param h3Resolution H3 resolution of surge cells; dispatch-service must write the supply hash at the same one
     * @param demandWindow sliding window of quote requests counted as demand
     * @param balancedRequestsPerDriver requests per available driver (per window) at which surge is 1.0
     * @param sensitivity multiplier increase per request-per-driver above balance
     * @param cap highest multiplier
     * @param smoothing EWMA time constant
     * @param deadband smallest smoothed change that moves the published multiplier
     * @param step published multipliers are multiples of this
     * @param idleStateTtl a cell without quotes for this long forgets its surge state
     */
    public record Surge(
            @DefaultValue("8") @Min(0) @Max(15) int h3Resolution,
            @DefaultValue("5m") @NotNull Duration demandWindow,
            @DefaultValue("1.0") @DecimalMin("0.01") double balancedRequestsPerDriver,
            @DefaultValue("0.5") @DecimalMin("0.01") double sensitivity,

            @DefaultValue("3.0") @DecimalMin("1.0") @DecimalMax("10.0")
            double cap,

            @DefaultValue("2m") @NotNull Duration smoothing,
            @DefaultValue("0.15") @DecimalMin("0.0") double deadband,
            @DefaultValue("0.1") @DecimalMin("0.001") double step,
            @DefaultValue("30m") @NotNull Duration idleStateTtl) {}

    /** @param retryAfterFailure after a failed Redis read, surge falls back to 1.0 without asking Redis for this long */
    public record Supply(@DefaultValue("5s") @NotNull Duration retryAfterFailure) {}

    /** The settings without their secrets. */
    @Override
    public String toString() {
        return "PricingProperties[quoteSigningKey=***, quoteTtl=" + quoteTtl + ", model=" + model
                + ", products=" + products + ", surge=" + surge + ", supply=" + supply + ", maxRequestBody="
                + maxRequestBody + ", acceptTokensFrom=" + acceptTokensFrom + "]";
    }
}
