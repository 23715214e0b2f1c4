package io.ridemesh.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Settings fail fast with a message naming the property. */
class OrderPropertiesTest {

    private static final String KEY = "ab".repeat(32);
    private static final String ISSUER = "http://127.0.0.1:21050 http://127.0.0.1:21050/oauth2/jwks";

    private static OrderProperties properties(int regionId, String issuers, String quoteSecret) {
        return new OrderProperties(
                regionId,
                "a",
                0,
                quoteSecret,
                new OrderProperties.Hlc(Duration.ofMillis(500), "order-service"),
                new OrderProperties.Cancellation(Duration.ofMinutes(2), Duration.ofMinutes(5), 500, Map.of()),
                new OrderProperties.Repricing(25, 200),
                new OrderProperties.Seats(4, 2),
                DataSize.ofKilobytes(16),
                100,
                new OrderProperties.Duplicates(
                        true,
                        Duration.ofSeconds(5),
                        200,
                        java.net.URI.create("http://127.0.0.1:8080"),
                        Duration.ofSeconds(2)),
                issuers,
                null);
    }

    @Test
    void theDuplicateReconcilerNeedsTheGatewayOnlyWhileEnabled() {
        assertThatThrownBy(() -> new OrderProperties.Duplicates(
                        true, Duration.ofSeconds(5), 200, java.net.URI.create(""), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RIDEMESH_GATEWAY_URL");
        assertThat(new OrderProperties.Duplicates(false, Duration.ofSeconds(5), 200, null, Duration.ofSeconds(2))
                        .gatewayUrl())
                .isNull();
    }

    @Test
    void acceptsAValidConfigurationAndMasksSecrets() {
        OrderProperties properties = properties(1, ISSUER, KEY);

        assertThat(properties.quoteKey()).hasSize(32);
        assertThat(properties.trustedIssuers()).hasSize(1);
        assertThat(properties.hlcNodeKey()).isEqualTo("order-service/node-0");
        assertThat(properties.toString()).doesNotContain(KEY).contains("quoteSecret=***");
    }

    @Test
    void rejectsKeysShorterThan32Bytes() {
        assertThatThrownBy(() -> properties(1, ISSUER, "ab".repeat(24)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "order.quote-secret must be >= 32 bytes (HMAC-SHA256, RFC 7518 section 3.2), but was 24 bytes");
    }

    @Test
    void requiresATrustedIssuer() {
        assertThatThrownBy(() -> properties(1, "", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("order.accept-tokens-from must name at least one trusted issuer");
    }

    @Test
    void rejectsKeysThatAreNotHexWithoutShowingThem() {
        assertThatThrownBy(() -> properties(1, ISSUER, "zz".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("order.quote-secret must be hex digits")
                .hasMessageNotContaining("zz");
    }

    @Test
    void rejectsRegionIdsOutsideTheIdLayout() {
        assertThatThrownBy(() -> properties(16, ISSUER, KEY))
                .hasMessage("order.region-id must be in 1..15, but was 16");
        assertThatThrownBy(() -> properties(0, ISSUER, KEY)).hasMessage("order.region-id must be in 1..15, but was 0");
    }

    @Test
    void rejectsBadPolicies() {
        assertThatThrownBy(() -> new OrderProperties.Repricing(25, 50))
                .hasMessage("order.repricing.max-factor-percent must be >= 100, but was 50");
        assertThatThrownBy(() -> new OrderProperties.Seats(0, 2))
                .hasMessage("order.seats.solo-max must be >= 1, but was 0");
        assertThatThrownBy(() -> new OrderProperties.Cancellation(
                        Duration.ofMinutes(2), Duration.ofMinutes(5), 500, Map.of(64, 100L)))
                .hasMessageContaining("unit ids 1..63");
    }
}
