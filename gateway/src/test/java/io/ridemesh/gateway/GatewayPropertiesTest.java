package io.ridemesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The settings refuse bad values at start with a message naming the property and the value. */
class GatewayPropertiesTest {

    private static final GatewayProperties.Endpoints LOCAL = new GatewayProperties.Endpoints(
            URI.create("http://127.0.0.1:1"),
            URI.create("http://127.0.0.1:2"),
            URI.create("http://127.0.0.1:3"),
            URI.create(""),
            null);

    private static final String ISSUER = "http://127.0.0.1:21050 http://127.0.0.1:21050/oauth2/jwks";

    private static GatewayProperties properties(
            int id, String name, String regions, String issuers, Map<String, GatewayProperties.Endpoints> endpoints) {
        return new GatewayProperties(
                id,
                name,
                regions,
                0,
                endpoints,
                new GatewayProperties.Routing(Duration.ofMillis(250), DataSize.ofKilobytes(64)),
                new GatewayProperties.RateLimit(true, 20, 40, "local"),
                new GatewayProperties.Downstream(Duration.ofSeconds(5), 50, 20, 10, Duration.ofSeconds(5), 3, 32, 16),
                new GatewayProperties.Health(Duration.ofSeconds(1), Duration.ofMillis(400), 2),
                new GatewayProperties.Failover(Duration.ofHours(1), 5, 50, 500),
                issuers,
                null);
    }

    @Test
    void acceptsTheLaunchersSettingsAndFillsDefaults() {
        GatewayProperties p = properties(1, "a", "a=1,b=2", ISSUER, Map.of("a", LOCAL, "b", LOCAL, "c", LOCAL));
        assertThat(p.regionIds()).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
        assertThat(p.endpointsByRegion()).containsOnlyKeys("a", "b");
        assertThat(p.endpointsByRegion().get("a").syncSink())
                .as("blank means absent")
                .isNull();
        assertThat(p.trustedIssuers()).hasSize(1);
    }

    @Test
    void refusesBadValuesNamingThem() {
        Map<String, GatewayProperties.Endpoints> both = Map.of("a", LOCAL, "b", LOCAL);
        assertThatThrownBy(() -> properties(1, "a", "a=1,b=2", "", both))
                .hasMessageContaining("gateway.accept-tokens-from must name at least one trusted issuer");
        assertThatThrownBy(() -> properties(1, "a", "b=2", ISSUER, both))
                .hasMessageContaining("gateway.regions must contain this region a=1");
        assertThatThrownBy(() -> properties(1, "a", "a=1,b=1", ISSUER, both)).hasMessageContaining("'b=1'");
        assertThatThrownBy(() -> properties(1, "a", "a=1,b=x", ISSUER, both))
                .hasMessageContaining("ids must be numbers");
        assertThatThrownBy(() -> properties(1, "a", "a=1,b=2", ISSUER, Map.of("a", LOCAL)))
                .hasMessageContaining("gateway.endpoints.b must give")
                .hasMessageContaining("RIDEMESH_B_ORDER_SERVICE_URL");
        assertThatThrownBy(() -> new GatewayProperties.Health(Duration.ofSeconds(1), Duration.ofMillis(600), 2))
                .hasMessageContaining("half the probe-interval");
        assertThatThrownBy(() -> new GatewayProperties.RateLimit(true, 10, 5, "local"))
                .hasMessageContaining("burst-capacity must be >= replenish-rate (10), but was 5");
        assertThatThrownBy(() -> new GatewayProperties.RateLimit(true, 10, 20, "memcached"))
                .hasMessageContaining("gateway.rate-limit.store must be local or redis, but was memcached");
        assertThatThrownBy(() -> new GatewayProperties.Endpoints(URI.create("ftp://x"), null, null, null, null))
                .hasMessageContaining("'ftp://x'");
    }
}
