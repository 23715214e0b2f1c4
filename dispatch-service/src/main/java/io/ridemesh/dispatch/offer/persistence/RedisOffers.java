package io.ridemesh.dispatch.offer.persistence;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.offer.domain.BeginAccept;
import io.ridemesh.dispatch.offer.domain.LockStats;
import io.ridemesh.dispatch.offer.domain.Offer;
import io.ridemesh.dispatch.offer.domain.OfferStatus;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.offer.domain.PlaceOutcome;
import io.ridemesh.dispatch.offer.domain.PoolTerms;
import io.ridemesh.dispatch.offer.domain.Settlement;
import io.ridemesh.dispatch.redis.LuaScripts;
import io.ridemesh.dispatch.redis.RedisKeys;
import io.ridemesh.dispatch.supply.domain.DriverId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link Offers} in the region's Redis; every state change is one Lua script ({@code place.lua},
 * {@code begin-accept.lua}, {@code abort-accept.lua}, {@code settle.lua}), so the offer, the driver lock
 * ({@code SET driver-lock:{id} {offerId} NX PX {offerTimeout}}), the ride lock, the driver's status, the supply index
 * and the pending queue change together. An offer of a POOL ride also stores its {@link PoolTerms} ({@code product},
 * {@code requested}, {@code direct}, {@code plan}); accepting it starts or extends the driver's shared trip
 * ({@code pool-trip:{driver}}, {@code pool-stops:{driver}}, {@code pool:{unit}:geo}) in the same script. Thread-safe:
 * stateless apart from the thread-safe template.
 */
public final class RedisOffers implements Offers {

    private static final RedisScript<String> PLACE = LuaScripts.text("place");
    private static final RedisScript<List<Object>> PLACE_MANY = LuaScripts.list("place-many");
    private static final RedisScript<String> BEGIN_ACCEPT = LuaScripts.text("begin-accept");
    private static final RedisScript<Long> ABORT_ACCEPT = LuaScripts.number("abort-accept");
    private static final RedisScript<List<Object>> SETTLE = LuaScripts.list("settle");

    /** Arguments of one offer in {@code place.lua} / {@code place-many.lua} ({@code PLACE_ARGS} in lib.lua). */
    private static final int PLACE_ARGS = 20;

    /** Default lifetime of a shared trip's keys after its last join ({@code dispatch.pooling.trip-ttl}). */
    public static final Duration DEFAULT_POOL_TRIP_TTL = Duration.ofHours(4);

    private final StringRedisTemplate redis;
    private final Duration retention;
    private final Duration poolTripTtl;

    /** With the {@link #DEFAULT_POOL_TRIP_TTL}. */
    public RedisOffers(StringRedisTemplate redis, Duration retention) {
        this(redis, retention, DEFAULT_POOL_TRIP_TTL);
    }

    /**
     * @param retention how long an offer hash is kept after it is made, for status queries and retried accepts;
     *     longer than offer timeout plus accept window
     * @param poolTripTtl how long a shared trip's keys outlive its last join (a safety net: a trip ends with its last
     *     rider); longer than the longest shared trip
     */
    public RedisOffers(StringRedisTemplate redis, Duration retention, Duration poolTripTtl) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.poolTripTtl = Objects.requireNonNull(poolTripTtl, "poolTripTtl");
        if (poolTripTtl.toMillis() < 1) {
            throw new IllegalArgumentException("poolTripTtl must be >= 1ms, but was " + poolTripTtl);
        }
    }

    @Override
    public PlaceOutcome place(Offer offer, Duration lockTtl, Instant seenSince) {
        String result = String.valueOf(redis.execute(PLACE, List.of(), placeArgs(offer, lockTtl, seenSince)));
        return PlaceOutcome.valueOf(result.toUpperCase(Locale.ROOT));
    }

    /** One script call for all offers ({@code place-many.lua}): a window's placements in one round trip. */
    @Override
    public List<PlaceOutcome> placeAll(List<Offer> offers, Duration lockTtl, Instant seenSince) {
        if (offers.isEmpty()) {
            return List.of();
        }
        List<Object> args = new java.util.ArrayList<>(PLACE_ARGS * offers.size());
        for (Offer o : offers) {
            args.addAll(List.of(placeArgs(o, lockTtl, seenSince)));
        }
        List<Object> results = redis.execute(PLACE_MANY, List.of(), args.toArray());
        if (results == null || results.size() != offers.size()) {
            throw new IllegalStateException("place-many.lua answered " + results + " for " + offers.size() + " offers");
        }
        return results.stream()
                .map(r -> PlaceOutcome.valueOf((r instanceof byte[] b
                                ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                                : String.valueOf(r))
                        .toUpperCase(Locale.ROOT)))
                .toList();
    }

    private Object[] placeArgs(Offer offer, Duration lockTtl, Instant seenSince) {
        PoolTerms pool = offer.pool();
        return new Object[] {
            Long.toString(offer.offerId()),
            Long.toString(offer.rideId()),
            offer.driverId().value(),
            offer.unitCode(),
            Double.toString(offer.pickup().lat()),
            Double.toString(offer.pickup().lon()),
            Double.toString(offer.dropoff().lat()),
            Double.toString(offer.dropoff().lon()),
            Integer.toString(offer.seats()),
            Long.toString(offer.pickupEtaSeconds()),
            Long.toString(offer.createdAt().toEpochMilli()),
            Long.toString(offer.expiresAt().toEpochMilli()),
            Long.toString(lockTtl.toMillis()),
            Long.toString(seenSince.toEpochMilli()),
            Long.toString(retention.toMillis()),
            pool == null ? "SOLO" : "POOL",
            pool == null ? "0" : Long.toString(pool.requestedAt().toEpochMilli()),
            pool == null ? "0" : Long.toString(pool.directRideSeconds()),
            pool == null ? "" : plan(pool.plan()),
            pool == null ? "0" : Long.toString(pool.tripVersion())
        };
    }

    /** The plan as {@code place.lua} takes it: {@code P:{ride}} / {@code D:{ride}} separated by spaces. */
    static String plan(List<PoolTerms.PlannedStop> plan) {
        return plan.stream().map(s -> (s.pickup() ? "P:" : "D:") + s.rideId()).collect(Collectors.joining(" "));
    }

    /** The plan as {@link #plan} wrote it; malformed tokens are skipped. */
    static List<PoolTerms.PlannedStop> parsePlan(String plan) {
        List<PoolTerms.PlannedStop> stops = new ArrayList<>();
        for (String token : plan.trim().split("\\s+")) {
            if (token.length() > 2 && token.charAt(1) == ':') {
                stops.add(new PoolTerms.PlannedStop(Long.parseLong(token.substring(2)), token.charAt(0) == 'P'));
            }
        }
        return stops;
    }

    @Override
    public Optional<Offer> find(long offerId) {
        Map<Object, Object> h = redis.opsForHash().entries(RedisKeys.offer(offerId));
        if (h.isEmpty() || h.get("status") == null) {
            return Optional.empty();
        }
        return Optional.of(new Offer(
                offerId,
                Long.parseLong(field(h, "ride")),
                new DriverId(field(h, "driver")),
                field(h, "unit"),
                new GeoPoint(Double.parseDouble(field(h, "plat")), Double.parseDouble(field(h, "plon"))),
                new GeoPoint(Double.parseDouble(field(h, "dlat")), Double.parseDouble(field(h, "dlon"))),
                Integer.parseInt(field(h, "seats")),
                Long.parseLong(field(h, "eta")),
                Instant.ofEpochMilli(Long.parseLong(field(h, "created"))),
                Instant.ofEpochMilli(Long.parseLong(field(h, "expires"))),
                OfferStatus.ofCode(field(h, "status"))
                        .orElseThrow(() -> new IllegalStateException(
                                "offer " + offerId + " has unknown status '" + h.get("status") + "'")),
                poolTerms(h)));
    }

    private static @Nullable PoolTerms poolTerms(Map<Object, Object> h) {
        if (!"POOL".equals(String.valueOf(h.get("product")))) {
            return null;
        }
        return new PoolTerms(
                Instant.ofEpochMilli(Long.parseLong(field(h, "requested"))),
                Long.parseLong(field(h, "direct")),
                parsePlan(String.valueOf(h.getOrDefault("plan", ""))),
                Long.parseLong(String.valueOf(h.getOrDefault("tripver", "0"))));
    }

    @Override
    public Optional<Offer> heldBy(DriverId driver) {
        Object offerId = redis.opsForHash().get(RedisKeys.driver(driver.value()), "offer");
        if (offerId == null) {
            return Optional.empty();
        }
        return find(Long.parseLong(offerId.toString())).filter(o -> o.status().open());
    }

    @Override
    public BeginAccept beginAccept(long offerId, DriverId driver, Instant now, Duration acceptWindow) {
        String result = String.valueOf(redis.execute(
                BEGIN_ACCEPT,
                List.of(),
                Long.toString(offerId),
                driver.value(),
                Long.toString(now.toEpochMilli()),
                Long.toString(acceptWindow.toMillis())));
        return BeginAccept.valueOf(result.toUpperCase(Locale.ROOT));
    }

    @Override
    public boolean abortAccept(long offerId) {
        Long was = redis.execute(ABORT_ACCEPT, List.of(), Long.toString(offerId));
        return was != null && was == 1L;
    }

    @Override
    public Settlement settle(long offerId, Set<OfferStatus> from, OfferStatus to, Instant now, Instant seenSince) {
        List<Object> r = redis.execute(
                SETTLE,
                List.of(),
                Long.toString(offerId),
                from.stream().map(OfferStatus::code).sorted().collect(Collectors.joining(",")),
                to.code(),
                Long.toString(now.toEpochMilli()),
                Long.toString(seenSince.toEpochMilli()),
                Long.toString(poolTripTtl.toMillis()));
        if (r == null || r.isEmpty()) {
            throw new IllegalStateException("settle.lua returned nothing for offer " + offerId);
        }
        switch (text(r.get(0))) {
            case "missing":
                return new Settlement.Missing();
            case "unchanged":
                return new Settlement.Unchanged(status(text(r.get(1))));
            default:
                return new Settlement.Settled(
                        status(text(r.get(1))),
                        Long.parseLong(text(r.get(2))),
                        new DriverId(text(r.get(3))),
                        text(r.get(4)));
        }
    }

    @Override
    public List<Long> due(Instant now, int limit) {
        Set<String> ids = redis.opsForZSet().rangeByScore(RedisKeys.offerDeadlines(), 0, now.toEpochMilli(), 0, limit);
        List<Long> due = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> due.add(Long.parseLong(id)));
        }
        return due;
    }

    @Override
    public LockStats lockStats(Instant now) {
        Long holders = redis.opsForZSet().zCard(RedisKeys.driverLocks());
        Set<ZSetOperations.TypedTuple<String>> oldest =
                redis.opsForZSet().rangeWithScores(RedisKeys.driverLocks(), 0, 0);
        Duration age = Duration.ZERO;
        if (oldest != null && !oldest.isEmpty()) {
            Double score = oldest.iterator().next().getScore();
            if (score != null) {
                age = Duration.ofMillis(Math.max(0, now.toEpochMilli() - score.longValue()));
            }
        }
        return new LockStats(holders == null ? 0 : holders, age);
    }

    private static OfferStatus status(String code) {
        return OfferStatus.ofCode(code).orElseThrow(() -> new IllegalStateException("unknown offer status " + code));
    }

    private static String field(Map<Object, Object> h, String name) {
        Object v = h.get(name);
        if (v == null) {
            throw new IllegalStateException("offer hash lacks field " + name);
        }
        return v.toString();
    }

    private static String text(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }
}
