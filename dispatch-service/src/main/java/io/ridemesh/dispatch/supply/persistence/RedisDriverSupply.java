package io.ridemesh.dispatch.supply.persistence;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.dispatch.redis.LuaScripts;
import io.ridemesh.dispatch.redis.RedisKeys;
import io.ridemesh.dispatch.redis.SearchArgs;
import io.ridemesh.dispatch.supply.domain.AvailableDriver;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverPlacement;
import io.ridemesh.dispatch.supply.domain.DriverState;
import io.ridemesh.dispatch.supply.domain.DriverStatus;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import io.ridemesh.dispatch.supply.domain.LocationOutcome;
import io.ridemesh.dispatch.supply.domain.OfflineOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link DriverSupply} in the region's Redis. Every change runs as one Lua script ({@code src/main/resources/redis/}),
 * so the GEO set, the last-seen set, the driver-to-cell hash and the per-cell counts ({@code supply:{unit}:cells},
 * read by pricing-service) move together: no reader ever sees a driver counted twice or in the wrong cell, whatever
 * the interleaving of writers across threads and processes.
 *
 * <p>Thread-safe: stateless apart from the template, which is thread-safe.
 */
public final class RedisDriverSupply implements DriverSupply {

    private static final RedisScript<String> ONLINE = LuaScripts.text("online");
    private static final RedisScript<String> OFFLINE = LuaScripts.text("offline");
    private static final RedisScript<String> LOCATE = LuaScripts.text("locate");
    private static final RedisScript<String> HEARTBEAT = LuaScripts.text("heartbeat");
    private static final RedisScript<Long> SWEEP = LuaScripts.number("sweep");
    private static final RedisScript<List<Object>> SEARCH = LuaScripts.list("search");
    private static final RedisScript<List<Object>> SEARCH_MANY = LuaScripts.list("search-many");
    private static final RedisScript<Long> END_TRIP = LuaScripts.number("end-trip");
    private static final RedisScript<String> BEGIN_TRIP = LuaScripts.text("begin-trip");

    private final StringRedisTemplate redis;

    public RedisDriverSupply(StringRedisTemplate redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public DriverStatus goOnline(DriverId id, int seats, DriverPlacement placement, Duration ttl) {
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be >= 1, but was " + seats);
        }
        String status = redis.execute(
                ONLINE,
                List.of(),
                id.value(),
                unitCode(placement),
                Integer.toString(seats),
                Double.toString(placement.fix().point().lon()),
                Double.toString(placement.fix().point().lat()),
                placement.cell(),
                Long.toString(placement.fix().at().toEpochMilli()),
                Long.toString(ttl.toMillis()));
        return DriverStatus.ofCode(String.valueOf(status))
                .orElseThrow(() -> new IllegalStateException("online.lua returned '" + status + "'"));
    }

    @Override
    public OfflineOutcome goOffline(DriverId id, Duration ttl) {
        String before = String.valueOf(redis.execute(OFFLINE, List.of(), id.value(), Long.toString(ttl.toMillis())));
        switch (before) {
            case "unknown":
                return OfflineOutcome.UNKNOWN;
            case "offered":
                return OfflineOutcome.HOLDS_OFFER;
            case "on_trip":
                return OfflineOutcome.ON_TRIP;
            default:
                return OfflineOutcome.WENT_OFFLINE;
        }
    }

    @Override
    public LocationOutcome locate(DriverId id, DriverPlacement placement, Duration ttl) {
        String result = String.valueOf(redis.execute(
                LOCATE,
                List.of(),
                id.value(),
                unitCode(placement),
                Double.toString(placement.fix().point().lon()),
                Double.toString(placement.fix().point().lat()),
                placement.cell(),
                Long.toString(placement.fix().at().toEpochMilli()),
                Long.toString(ttl.toMillis())));
        switch (result) {
            case "not_online":
                return LocationOutcome.NOT_ONLINE;
            case "out_of_order":
                return LocationOutcome.OUT_OF_ORDER;
            default:
                return LocationOutcome.UPDATED;
        }
    }

    @Override
    public boolean heartbeat(DriverId id, Instant now, Duration ttl) {
        String result = redis.execute(
                HEARTBEAT, List.of(), id.value(), Long.toString(now.toEpochMilli()), Long.toString(ttl.toMillis()));
        return !"not_online".equals(result);
    }

    @Override
    public List<AvailableDriver> nearby(
            UnitDefinition unit, GeoPoint centre, double radiusMetres, int limit, Instant seenSince) {
        List<Object> flat = redis.execute(
                SEARCH,
                List.of(),
                unit.code(),
                Double.toString(centre.lon()),
                Double.toString(centre.lat()),
                Double.toString(radiusMetres),
                Integer.toString(limit),
                Long.toString(seenSince.toEpochMilli()));
        List<AvailableDriver> drivers = new ArrayList<>();
        if (flat == null) {
            return drivers;
        }
        for (int i = 0; i + 4 < flat.size(); i += 5) {
            drivers.add(driverAt(flat, i));
        }
        return drivers;
    }

    /** One script call for every centre ({@code search-many.lua}): a window's searches in one round trip. */
    @Override
    public List<List<AvailableDriver>> nearbyEach(
            UnitDefinition unit, List<GeoPoint> centres, double radiusMetres, int limit, Instant seenSince) {
        if (centres.isEmpty()) {
            return List.of();
        }
        List<Object> flat =
                redis.execute(SEARCH_MANY, List.of(), SearchArgs.of(unit, centres, radiusMetres, limit, seenSince));
        List<List<AvailableDriver>> all = new ArrayList<>(centres.size());
        int i = 0;
        for (int c = 0; c < centres.size(); c++) {
            int n = flat == null || i >= flat.size() ? 0 : (int) Double.parseDouble(text(flat.get(i)));
            i++;
            List<AvailableDriver> drivers = new ArrayList<>(n);
            for (int k = 0; k < n; k++, i += 5) {
                drivers.add(driverAt(flat, i));
            }
            all.add(drivers);
        }
        return all;
    }

    @Override
    public int sweepStale(UnitDefinition unit, Instant seenBefore, int limit) {
        Long removed = redis.execute(
                SWEEP, List.of(), unit.code(), Long.toString(seenBefore.toEpochMilli()), Integer.toString(limit));
        return removed == null ? 0 : removed.intValue();
    }

    @Override
    public boolean endTrip(DriverId id, Instant seenSince) {
        Long was = redis.execute(END_TRIP, List.of(), id.value(), Long.toString(seenSince.toEpochMilli()));
        return was != null && was == 1L;
    }

    @Override
    public Optional<DriverStatus> beginTrip(DriverId id, Duration ttl) {
        String before = redis.execute(BEGIN_TRIP, List.of(), id.value(), Long.toString(ttl.toMillis()));
        if (before == null || before.equals("unknown")) {
            return Optional.empty();
        }
        return Optional.of(DriverStatus.ofCode(before)
                .orElseThrow(() -> new IllegalStateException("begin-trip returned '" + before + "'")));
    }

    @Override
    public Optional<DriverState> find(DriverId id) {
        Map<Object, Object> h = redis.opsForHash().entries(RedisKeys.driver(id.value()));
        if (h.isEmpty() || h.get("status") == null) {
            return Optional.empty();
        }
        String unit = String.valueOf(h.getOrDefault("unit", ""));
        return Optional.of(new DriverState(
                id,
                DriverStatus.ofCode(String.valueOf(h.get("status"))).orElse(DriverStatus.OFFLINE),
                Integer.parseInt(String.valueOf(h.getOrDefault("seats", "0"))),
                unit.isEmpty() ? null : unit,
                String.valueOf(h.getOrDefault("cell", "")),
                new GeoPoint(
                        Double.parseDouble(String.valueOf(h.getOrDefault("lat", "0"))),
                        Double.parseDouble(String.valueOf(h.getOrDefault("lon", "0")))),
                Instant.ofEpochMilli(Long.parseLong(String.valueOf(h.getOrDefault("seen", "0"))))));
    }

    private static String unitCode(DriverPlacement placement) {
        UnitDefinition unit = placement.unit();
        return unit == null ? "" : unit.code();
    }

    /** The driver at {@code i} of a search script's flat answer: id, lon, lat, seats, seen ms. */
    private static AvailableDriver driverAt(List<Object> flat, int i) {
        return new AvailableDriver(
                new DriverId(text(flat.get(i))),
                new GeoPoint(Double.parseDouble(text(flat.get(i + 2))), Double.parseDouble(text(flat.get(i + 1)))),
                Integer.parseInt(text(flat.get(i + 3))),
                Instant.ofEpochMilli((long) Double.parseDouble(text(flat.get(i + 4)))));
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
