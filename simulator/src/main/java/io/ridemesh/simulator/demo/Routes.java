package io.ridemesh.simulator.demo;

import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Region;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where the simulated apps' calls go, as base URLs for {@link Mobile}: straight to a service of the unit's current home
 * region ({@link #directRoute}), or to the gateway of the app's own region, the other region's once that one refuses
 * connections ({@link #gatewayRoute}, told by {@link #unreachable}). The failover drill moves the units' homes
 * ({@link #moveUnits}, {@link #home}) and marks a gateway as answering again ({@link #gatewayBack}).
 *
 * <p>Thread-safe: the homes and the gateways found down are concurrent collections.
 */
final class Routes {

    private final DemoCluster cluster;
    private final ReplayClock clock;
    private final Consumer<String> out;
    private final Map<Integer, Region> unitHome = new ConcurrentHashMap<>(Map.of(1, Region.of(1), 2, Region.of(2)));
    private final Set<Region> gatewaysDown = ConcurrentHashMap.newKeySet();

    /**
     * @param cluster the components' URLs
     * @param clock whether the run still lasts (a gateway found down after it is no news)
     * @param out progress lines
     */
    Routes(DemoCluster cluster, ReplayClock clock, Consumer<String> out) {
        this.cluster = cluster;
        this.clock = clock;
        this.out = out;
    }

    /** Calls go straight to the service of the unit's home region (the gateways route the same way). */
    String directRoute(String service, int unitId) {
        Region home = unitHome.getOrDefault(unitId, Region.of(1));
        ComponentKind kind =
                switch (service) {
                    case "pricing-service" -> ComponentKind.PRICING_SERVICE;
                    case "dispatch-service" -> ComponentKind.DISPATCH_SERVICE;
                    default -> ComponentKind.ORDER_SERVICE;
                };
        return cluster.url(home, kind);
    }

    /**
     * The app calls the gateway of the region it belongs to (its unit's home when it started); if
     * that gateway does not answer, the other region's (what DNS/GSLB failover does for real apps).
     * The gateway routes to the unit's current home region.
     */
    String gatewayRoute(String service, int unitId) {
        Region preferred = unitId == 2 ? Region.of(2) : Region.of(1);
        if (gatewaysDown.contains(preferred)) {
            preferred = preferred.id() == 1 ? Region.of(2) : Region.of(1);
        }
        return gatewayUrl(preferred);
    }

    private String gatewayUrl(Region region) {
        return cluster.url(region, ComponentKind.GATEWAY);
    }

    /** A call to {@code base} got a refused connection: if it is a region's gateway, the apps use the other one. */
    void unreachable(String base) {
        if (!clock.running()) {
            return; // the run is over: its apps' last long polls end with the cluster, which is no news
        }
        for (Region r : List.of(Region.of(1), Region.of(2))) {
            if (base.equals(gatewayUrl(r)) && gatewaysDown.add(r)) {
                out.accept("apps: the gateway of region " + r.name() + " does not answer; using the other region's");
            }
        }
    }

    /** Every unit homed in {@code from} is homed in {@code to} now (an evacuation). */
    void moveUnits(Region from, Region to) {
        unitHome.replaceAll((unit, home) -> home.equals(from) ? to : home);
    }

    /** The unit is homed in {@code region} now (a fail-back). */
    void home(int unitId, Region region) {
        unitHome.put(unitId, region);
    }

    /** The region's gateway answers again: the apps of its region call it again. */
    void gatewayBack(Region region) {
        gatewaysDown.remove(region);
    }
}
