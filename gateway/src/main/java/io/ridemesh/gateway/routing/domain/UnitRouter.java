package io.ridemesh.gateway.routing.domain;

import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import java.util.Objects;
import java.util.Optional;

/**
 * The routing rules: a request's {@link RoutingKey} and a {@link RoutingTable} snapshot give the region that serves
 * it.
 *
 * <ul>
 *   <li>{@link RoutingKey.Point}: the unit whose area holds the point, then its home; a point in no area is
 *       {@link OutsideServiceArea}.
 *   <li>{@link RoutingKey.EntityId}: the unit in the id's bits ({@link GlobalIdGenerator#unitOf}), then its home; no
 *       lookup of the entity.
 *   <li>{@link RoutingKey.UnitReference}: a unit id ({@code 1}) or code ({@code nyc}, case-insensitive); absent is
 *       {@link InvalidRoutingInput}.
 *   <li>{@link RoutingKey.Local}: the local region.
 * </ul>
 *
 * A unit the table does not have is {@link UnknownUnit}. Immutable; thread-safe.
 */
public final class UnitRouter {

    private final UnitMap units;
    private final int localRegionId;

    /**
     * @param units the unit map whose areas route points
     * @param localRegionId the region id of this gateway, where unit-less requests go
     */
    public UnitRouter(UnitMap units, int localRegionId) {
        this.units = Objects.requireNonNull(units, "units");
        this.localRegionId = localRegionId;
    }

    /**
     * @throws RoutingRejected if the key names no routable unit
     */
    public RouteDecision route(RoutingKey key, RoutingTable table) {
        if (key instanceof RoutingKey.Point p) {
            UnitDefinition unit = units.at(p.point()).orElseThrow(() -> new OutsideServiceArea(p.field(), p.point()));
            UnitHome home = table.home(unit.id())
                    .orElseThrow(() -> new UnknownUnit(
                            p.field(),
                            "unit " + unit.id() + " (" + unit.code() + ") of " + p.field()
                                    + " is not in the routing table"));
            return new RouteDecision(home.unitId(), home.homeRegion());
        }
        if (key instanceof RoutingKey.EntityId e) {
            int unit = GlobalIdGenerator.unitOf(e.id());
            UnitHome home = table.home(unit)
                    .orElseThrow(() -> new UnknownUnit(
                            e.field(),
                            e.field() + " " + e.id() + " carries unit " + unit
                                    + (unit == 0 ? " (none)" : ", which is not in the routing table")));
            return new RouteDecision(home.unitId(), home.homeRegion());
        }
        if (key instanceof RoutingKey.UnitReference u) {
            String ref = u.reference();
            if (ref == null || ref.isBlank()) {
                throw new InvalidRoutingInput(
                        u.field(), u.field() + " is required: the unit id or code of the app's last known location");
            }
            UnitHome home = lookup(ref.trim(), table)
                    .orElseThrow(() -> new UnknownUnit(u.field(), u.field() + " '" + ref + "' is not a known unit"));
            return new RouteDecision(home.unitId(), home.homeRegion());
        }
        // RoutingKey is sealed: the only other case is Local
        return new RouteDecision(null, localRegionId);
    }

    private static Optional<UnitHome> lookup(String ref, RoutingTable table) {
        if (ref.length() <= 2 && ref.chars().allMatch(Character::isDigit)) {
            return table.home(Integer.parseInt(ref));
        }
        return table.homeByCode(ref);
    }
}
