package io.ridemesh.gateway.routing.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of the routing table: unit to home region. Immutable; thread-safe. A new snapshot replaces the old one
 * on every reload, so a request sees one consistent table.
 */
public final class RoutingTable {

    private static final RoutingTable EMPTY = new RoutingTable(List.of(), -1);

    private final Map<Integer, UnitHome> byId;
    private final Map<String, UnitHome> byCode;
    private final long loadedAtMs;

    /**
     * @param homes the live (not deleted) rows
     * @param loadedAtMs epoch ms the rows were read, -1 for the empty table before the first load
     */
    public RoutingTable(Collection<UnitHome> homes, long loadedAtMs) {
        Map<Integer, UnitHome> ids = new LinkedHashMap<>();
        Map<String, UnitHome> codes = new LinkedHashMap<>();
        homes.stream()
                .sorted(java.util.Comparator.comparingInt(UnitHome::unitId))
                .forEach(h -> {
                    ids.put(h.unitId(), h);
                    codes.put(h.code().toLowerCase(Locale.ROOT), h);
                });
        this.byId = java.util.Collections.unmodifiableMap(ids);
        this.byCode = Map.copyOf(codes);
        this.loadedAtMs = loadedAtMs;
    }

    /** The table before the first successful load: routes nothing. */
    public static RoutingTable empty() {
        return EMPTY;
    }

    /** The home of unit {@code unitId}, if the table has it. */
    public Optional<UnitHome> home(int unitId) {
        return Optional.ofNullable(byId.get(unitId));
    }

    /** The home of the unit with code {@code code} (case-insensitive), if the table has it. */
    public Optional<UnitHome> homeByCode(String code) {
        return Optional.ofNullable(byCode.get(code.toLowerCase(Locale.ROOT)));
    }

    /** Every unit, by id. */
    public Collection<UnitHome> all() {
        return byId.values();
    }

    /** Whether a load has succeeded. */
    public boolean loaded() {
        return loadedAtMs >= 0;
    }

    public long loadedAtMs() {
        return loadedAtMs;
    }
}
