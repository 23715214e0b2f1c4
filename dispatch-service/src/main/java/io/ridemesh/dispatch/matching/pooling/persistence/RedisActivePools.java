package io.ridemesh.dispatch.matching.pooling.persistence;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.dispatch.matching.pooling.domain.ActivePool;
import io.ridemesh.dispatch.matching.pooling.domain.ActivePools;
import io.ridemesh.dispatch.matching.pooling.domain.LeaveOutcome;
import io.ridemesh.dispatch.matching.pooling.domain.PoolRider;
import io.ridemesh.dispatch.matching.pooling.domain.PooledTrip;
import io.ridemesh.dispatch.matching.pooling.domain.Stop;
import io.ridemesh.dispatch.redis.LuaScripts;
import io.ridemesh.dispatch.redis.SearchArgs;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link ActivePools} in the region's Redis (keys in {@code RedisKeys}: {@code pool:{unit}:geo},
 * {@code pool-trip:{driver}}, {@code pool-stops:{driver}}). Trips are created and extended by {@code settle.lua} when
 * a POOL offer is accepted; the vehicle moves with every location fix ({@code locate.lua}); this adapter searches
 * ({@code pool-search.lua}), reads ({@code pool-find.lua}), boards ({@code pool-board.lua}) and drops riders
 * ({@code pool-leave.lua}), each one atomic script.
 *
 * <p>Riders are stored with their times in epoch ms and read back as {@link PoolRider}s in epoch seconds (floor),
 * with the decimal ride id as rider id. A trip whose stored data does not make a valid {@link PooledTrip} (which no
 * script writes) is logged and left out of searches rather than failing the window.
 *
 * <p>Thread-safe: stateless apart from the thread-safe template.
 */
public final class RedisActivePools implements ActivePools {

    private static final Logger log = LoggerFactory.getLogger(RedisActivePools.class);

    private static final RedisScript<List<Object>> SEARCH = LuaScripts.list("pool-search");
    private static final RedisScript<List<Object>> FIND = LuaScripts.list("pool-find");
    private static final RedisScript<Long> BOARD = LuaScripts.number("pool-board");
    private static final RedisScript<String> LEAVE = LuaScripts.text("pool-leave");

    private final StringRedisTemplate redis;

    /** @param redis the region's Redis (a single primary: the scripts touch several drivers' and units' keys) */
    public RedisActivePools(StringRedisTemplate redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public List<List<ActivePool>> nearEach(
            UnitDefinition unit, List<GeoPoint> centres, double radiusMetres, int limit, Instant seenSince) {
        if (centres.isEmpty()) {
            return List.of();
        }
        List<Object> answer =
                redis.execute(SEARCH, List.of(), SearchArgs.of(unit, centres, radiusMetres, limit, seenSince));
        List<List<ActivePool>> all = new ArrayList<>(centres.size());
        if (answer == null || answer.size() < 2) {
            centres.forEach(c -> all.add(List.of()));
            return all;
        }
        Map<String, ActivePool> trips = new HashMap<>();
        for (Object row : (List<?>) answer.get(1)) {
            ActivePool pool = pool((List<?>) row);
            if (pool != null) {
                trips.put(pool.driver().value(), pool);
            }
        }
        List<?> perCentre = (List<?>) answer.get(0);
        for (int c = 0; c < centres.size(); c++) {
            List<ActivePool> near = new ArrayList<>();
            if (c < perCentre.size()) {
                for (Object id : (List<?>) perCentre.get(c)) {
                    ActivePool pool = trips.get(text(id));
                    if (pool != null) {
                        near.add(pool);
                    }
                }
            }
            all.add(near);
        }
        return all;
    }

    @Override
    public Optional<ActivePool> find(DriverId driver) {
        List<Object> row = redis.execute(FIND, List.of(), driver.value());
        if (row == null || row.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(pool(row));
    }

    @Override
    public boolean boarded(DriverId driver, long rideId, Instant at) {
        Long was = redis.execute(
                BOARD, List.of(), driver.value(), Long.toString(rideId), Long.toString(at.toEpochMilli()));
        return was != null && was == 1L;
    }

    @Override
    public LeaveOutcome left(DriverId driver, long rideId, Instant seenSince) {
        String outcome = String.valueOf(redis.execute(
                LEAVE, List.of(), driver.value(), Long.toString(rideId), Long.toString(seenSince.toEpochMilli())));
        switch (outcome) {
            case "not_pooled":
                return LeaveOutcome.NOT_POOLED;
            case "ended":
                return LeaveOutcome.TRIP_ENDED;
            case "active":
                return LeaveOutcome.STILL_ACTIVE;
            default:
                throw new IllegalStateException("pool-leave.lua returned '" + outcome + "'");
        }
    }

    /**
     * One trip as the scripts list it: id, lon, lat, seen ms, unit, capacity, {stops}, {hash fields and values}.
     *
     * @return the trip, or {@code null} (logged) if its stored data is inconsistent
     */
    private static @Nullable ActivePool pool(List<?> row) {
        String id = text(row.get(0));
        try {
            GeoPoint at = new GeoPoint(Double.parseDouble(text(row.get(2))), Double.parseDouble(text(row.get(1))));
            Instant seen = Instant.ofEpochMilli((long) Double.parseDouble(text(row.get(3))));
            String unit = text(row.get(4));
            int capacity = Integer.parseInt(text(row.get(5)));
            Map<String, String> fields = new HashMap<>();
            List<?> flat = (List<?>) row.get(7);
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                fields.put(text(flat.get(i)), text(flat.get(i + 1)));
            }
            Map<String, PoolRider> riders = new HashMap<>();
            List<Stop> stops = new ArrayList<>();
            for (Object s : (List<?>) row.get(6)) {
                String token = text(s);
                if (token.length() < 3 || token.charAt(1) != ':') {
                    throw new IllegalArgumentException("malformed stop '" + token + "'");
                }
                String ride = token.substring(2);
                PoolRider rider = riders.computeIfAbsent(ride, r -> rider(r, fields));
                stops.add(token.charAt(0) == 'P' ? new Stop.Pickup(rider) : new Stop.Dropoff(rider));
            }
            long version = Long.parseLong(fields.getOrDefault("ver", "0"));
            return new ActivePool(new DriverId(id), unit, new PooledTrip(at, capacity, stops), seen, version);
        } catch (RuntimeException e) {
            log.warn("skipping the inconsistent shared trip of driver {}: {}", id, e.toString());
            return null;
        }
    }

    /** Parses {@code rider:{ride}} = seats,plat,plon,dlat,dlon,requested ms,direct s and {@code boarded:{ride}}. */
    private static PoolRider rider(String ride, Map<String, String> fields) {
        String data = fields.get("rider:" + ride);
        if (data == null) {
            throw new IllegalArgumentException("no rider data for ride " + ride);
        }
        String[] f = data.split(",");
        if (f.length != 7) {
            throw new IllegalArgumentException("rider data of ride " + ride + " has " + f.length + " fields");
        }
        String boarded = fields.get("boarded:" + ride);
        return new PoolRider(
                ride,
                Integer.parseInt(f[0]),
                new GeoPoint(Double.parseDouble(f[1]), Double.parseDouble(f[2])),
                new GeoPoint(Double.parseDouble(f[3]), Double.parseDouble(f[4])),
                Math.floorDiv(Long.parseLong(f[5]), 1000L),
                Long.parseLong(f[6]),
                boarded == null ? null : Math.floorDiv(Long.parseLong(boarded), 1000L));
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
