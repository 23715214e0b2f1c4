package io.ridemesh.dispatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.matching.application.MatchWindow;
import io.ridemesh.dispatch.matching.application.WindowReport;
import io.ridemesh.dispatch.redis.RedisKeys;
import io.ridemesh.dispatch.support.DispatchFixture;
import io.ridemesh.dispatch.support.RedisBackedIT;
import io.ridemesh.dispatch.support.SupplyInvariants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Eight matchers, each with its own Redis connection as eight processes would have, run windows over the same rides
 * and drivers at once. The driver lock must keep every driver to one offer, and every ride to one.
 */
class ConcurrentMatchersIT extends RedisBackedIT {

    @Test
    void noDriverGetsTwoOffersUnderEightConcurrentMatchers() throws Exception {
        DispatchFixture f = new DispatchFixture(redis.template(), 1000);
        Random random = new Random(7);
        int drivers = 40;
        int rides = 60;
        for (int i = 0; i < drivers; i++) {
            f.online("d" + i, near(random));
        }
        for (int i = 1; i <= rides; i++) {
            f.request(i, near(random));
        }

        List<LettuceConnectionFactory> factories = new ArrayList<>();
        List<MatchWindow> matchers = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            LettuceConnectionFactory factory =
                    new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
            factory.afterPropertiesSet();
            factory.start();
            factories.add(factory);
            matchers.add(f.matchWindow(new StringRedisTemplate(factory)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<int[]>> outcomes = new ArrayList<>();
        for (MatchWindow matcher : matchers) {
            outcomes.add(pool.submit(() -> {
                go.await();
                int[] n = new int[2];
                for (int w = 0; w < 5; w++) {
                    WindowReport r = matcher.run(f.nyc);
                    n[0] += r.offered();
                    n[1] += r.lostRaces();
                }
                return n;
            }));
        }
        go.countDown();
        int total = 0;
        int lost = 0;
        for (Future<int[]> r : outcomes) {
            total += r.get()[0];
            lost += r.get()[1];
        }
        pool.shutdown();
        factories.forEach(LettuceConnectionFactory::destroy);

        Set<String> offerKeys = redis.template().keys("offer:*");
        Map<String, List<String>> offersByDriver = new HashMap<>();
        Map<String, List<String>> offersByRide = new HashMap<>();
        for (String key : offerKeys) {
            Map<Object, Object> o = redis.template().opsForHash().entries(key);
            offersByDriver
                    .computeIfAbsent(o.get("driver").toString(), d -> new ArrayList<>())
                    .add(key);
            offersByRide
                    .computeIfAbsent(o.get("ride").toString(), r -> new ArrayList<>())
                    .add(key);
        }
        assertThat(lost).as("the matchers really competed for the same drivers").isPositive();
        assertThat(offerKeys).hasSize(total);
        assertThat(total)
                .as("every driver got a ride: there are more rides than drivers")
                .isEqualTo(drivers);
        assertThat(offersByDriver.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        assertThat(offersByRide.values()).allSatisfy(list -> assertThat(list).hasSize(1));
        offersByDriver.forEach((driver, keys) -> assertThat(
                        "offer:" + redis.template().opsForValue().get(RedisKeys.driverLock(driver)))
                .as("lock of %s", driver)
                .isEqualTo(keys.get(0)));
        assertThat(redis.template().opsForZSet().size(RedisKeys.pending("nyc"))).isEqualTo(rides - drivers);
        assertThat(SupplyInvariants.counted(redis.template(), "nyc")).isZero();
        SupplyInvariants.check(redis.template(), "nyc");
    }

    /** A point within about 2 km of Midtown. */
    private static GeoPoint near(Random random) {
        return new GeoPoint(40.75 + (random.nextDouble() - 0.5) * 0.03, -73.98 + (random.nextDouble() - 0.5) * 0.03);
    }
}
