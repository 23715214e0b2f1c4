package io.ridemesh.gateway.routing;

import io.ridemesh.gateway.routing.application.RoutingTables;
import io.ridemesh.gateway.routing.domain.RoutingTable;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code routingTable}: DOWN until the routing table has been loaded once (the gateway cannot route
 * before); then UP with the number of units, the load time and the reload failures (a failing reload keeps routing
 * with the last table, so it does not turn the gateway DOWN).
 */
@Component("routingTable")
class RoutingTableHealth implements HealthIndicator {

    private final RoutingTables tables;

    RoutingTableHealth(RoutingTables tables) {
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public Health health() {
        RoutingTable table = tables.current();
        Health.Builder builder = table.loaded() ? Health.up() : Health.down();
        builder.withDetail("units", table.all().size())
                .withDetail("loadedAtMs", table.loadedAtMs())
                .withDetail("failedReloads", tables.failedRefreshes());
        String error = tables.lastError();
        if (error != null) {
            builder.withDetail("lastError", error);
        }
        return builder.build();
    }
}
