package io.ridemesh.dispatch.redis;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.unit.UnitDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The argument list of the scripts that search around many centres in one call ({@code search-many.lua},
 * {@code pool-search.lua}): unit code, radius (metres), limit per centre, seen-since (epoch ms), then longitude and
 * latitude of every centre. Stateless; thread-safe.
 */
public final class SearchArgs {

    private SearchArgs() {}

    /**
     * @param centres search centres, in answer order
     * @param radiusMetres search radius in metres
     * @param limit most results per centre
     * @param seenSince entries last seen before this are left out
     * @return the script's ARGV
     */
    public static Object[] of(
            UnitDefinition unit, List<GeoPoint> centres, double radiusMetres, int limit, Instant seenSince) {
        List<String> args = new ArrayList<>(4 + 2 * centres.size());
        args.add(unit.code());
        args.add(Double.toString(radiusMetres));
        args.add(Integer.toString(limit));
        args.add(Long.toString(seenSince.toEpochMilli()));
        for (GeoPoint c : centres) {
            args.add(Double.toString(c.lon()));
            args.add(Double.toString(c.lat()));
        }
        return args.toArray();
    }
}
