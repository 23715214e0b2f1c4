package io.ridemesh.dispatch.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.dispatch.redis.RedisKeys;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Checks the supply index invariant of {@code lib.lua} against a live Redis. */
public final class SupplyInvariants {

    private SupplyInvariants() {}

    /**
     * The GEO set, the seen set and the where hash hold the same drivers; the cells hash counts exactly the where
     * hash's cells (no zero or negative fields); every indexed driver's state says available, in this unit and cell.
     */
    public static void check(StringRedisTemplate redis, String unit) {
        Map<Object, Object> where = redis.opsForHash().entries(RedisKeys.supplyWhere(unit));
        Set<String> geo = redis.opsForZSet().range(RedisKeys.supplyGeo(unit), 0, -1);
        Set<String> seen = redis.opsForZSet().range(RedisKeys.supplySeen(unit), 0, -1);
        assertThat(geo).as("GEO members of %s", unit).containsExactlyInAnyOrderElementsOf(keys(where));
        assertThat(seen).as("seen members of %s", unit).containsExactlyInAnyOrderElementsOf(keys(where));
        Map<String, Long> expected = new TreeMap<>();
        where.values().forEach(cell -> expected.merge(cell.toString(), 1L, Long::sum));
        Map<String, Long> actual = new TreeMap<>();
        redis.opsForHash()
                .entries(RedisKeys.supplyCells(unit))
                .forEach((cell, n) -> actual.put(cell.toString(), Long.parseLong(n.toString())));
        assertThat(actual).as("supply:%s:cells", unit).isEqualTo(expected);
        where.forEach((driver, cell) -> {
            Map<Object, Object> state = redis.opsForHash().entries(RedisKeys.driver(driver.toString()));
            assertThat(state.get("status")).as("status of indexed %s", driver).isEqualTo("available");
            assertThat(state.get("unit")).as("unit of indexed %s", driver).isEqualTo(unit);
            assertThat(state.get("cell")).as("cell of indexed %s", driver).isEqualTo(cell);
        });
    }

    /** Available drivers counted in a unit's cells hash. */
    public static long counted(StringRedisTemplate redis, String unit) {
        return redis.opsForHash().entries(RedisKeys.supplyCells(unit)).values().stream()
                .mapToLong(n -> Long.parseLong(n.toString()))
                .sum();
    }

    private static Set<String> keys(Map<Object, Object> map) {
        Map<String, Object> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k.toString(), v));
        return copy.keySet();
    }
}
