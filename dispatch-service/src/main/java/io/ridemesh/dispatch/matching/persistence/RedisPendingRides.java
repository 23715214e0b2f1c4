package io.ridemesh.dispatch.matching.persistence;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.matching.domain.MissOutcome;
import io.ridemesh.dispatch.matching.domain.PendingRide;
import io.ridemesh.dispatch.matching.domain.PendingRides;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.redis.LuaScripts;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link PendingRides} in the region's Redis: {@code dispatch:{unit}:pending} (sorted by request time) and one
 * {@code ride-request:{rideId}} hash per ride, changed by Lua scripts. Thread-safe: stateless apart from the
 * thread-safe template.
 */
public final class RedisPendingRides implements PendingRides {

    private static final RedisScript<String> REGISTER = LuaScripts.text("register");
    private static final RedisScript<List<Object>> OLDEST = LuaScripts.list("oldest");
    private static final RedisScript<String> MISSED = LuaScripts.text("missed");
    private static final RedisScript<Long> REQUEUE = LuaScripts.number("requeue");
    private static final RedisScript<Long> WITHDRAW = LuaScripts.number("withdraw");

    private final StringRedisTemplate redis;

    public RedisPendingRides(StringRedisTemplate redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public RegisterOutcome register(
            String eventId, String unitCode, RideRequest r, Duration eventTtl, Duration requestTtl) {
        String result = String.valueOf(redis.execute(
                REGISTER,
                List.of(),
                eventId,
                Long.toString(Math.max(1, eventTtl.toSeconds())),
                Long.toString(r.rideId()),
                unitCode,
                Integer.toString(r.unitId()),
                Double.toString(r.pickup().lat()),
                Double.toString(r.pickup().lon()),
                Double.toString(r.dropoff().lat()),
                Double.toString(r.dropoff().lon()),
                r.product().name(),
                Integer.toString(r.seats()),
                Long.toString(r.requestedAt().toEpochMilli()),
                Long.toString(requestTtl.toMillis())));
        return RegisterOutcome.valueOf(result.toUpperCase(Locale.ROOT));
    }

    @Override
    public List<PendingRide> oldest(String unitCode, int limit) {
        List<Object> rows = redis.execute(OLDEST, List.of(), unitCode, Integer.toString(limit));
        List<PendingRide> rides = new ArrayList<>();
        if (rows == null) {
            return rides;
        }
        for (Object row : rows) {
            List<?> f = (List<?>) row;
            Set<DriverId> excluded = new HashSet<>();
            for (Object d : (List<?>) f.get(10)) {
                excluded.add(new DriverId(text(d)));
            }
            RideRequest request = new RideRequest(
                    Long.parseLong(text(f.get(0))),
                    Integer.parseInt(text(f.get(1))),
                    new GeoPoint(Double.parseDouble(text(f.get(2))), Double.parseDouble(text(f.get(3)))),
                    new GeoPoint(Double.parseDouble(text(f.get(4))), Double.parseDouble(text(f.get(5)))),
                    Product.valueOf(text(f.get(6))),
                    Integer.parseInt(text(f.get(7))),
                    Instant.ofEpochMilli(Long.parseLong(text(f.get(8)))));
            rides.add(new PendingRide(request, Integer.parseInt(text(f.get(9))), excluded));
        }
        return rides;
    }

    @Override
    public MissOutcome missedWindow(long rideId, String unitCode, int maxWindows) {
        String result = String.valueOf(
                redis.execute(MISSED, List.of(), Long.toString(rideId), unitCode, Integer.toString(maxWindows)));
        return MissOutcome.valueOf(result.toUpperCase(Locale.ROOT));
    }

    @Override
    public boolean requeue(long rideId, String unitCode, Optional<DriverId> exclude, boolean resetWindows) {
        Long known = redis.execute(
                REQUEUE,
                List.of(),
                Long.toString(rideId),
                unitCode,
                exclude.map(DriverId::value).orElse(""),
                resetWindows ? "1" : "0");
        return known != null && known == 1L;
    }

    @Override
    public void withdraw(long rideId, String unitCode) {
        redis.execute(WITHDRAW, List.of(), Long.toString(rideId), unitCode);
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
