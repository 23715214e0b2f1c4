package io.ridemesh.gateway;

import io.ridemesh.testsupport.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RateLimitScenario} with the buckets in a real {@code redis-server} ({@code gateway.rate-limit.store=redis}).
 * Skipped without {@code /usr/bin/redis-server}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.rate-limit.enabled=true",
            "gateway.rate-limit.store=redis",
            "gateway.rate-limit.replenish-rate=1",
            "gateway.rate-limit.burst-capacity=3"
        })
class RateLimitIT extends RateLimitScenario {

    private static RedisServerProcess redis;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        Assumptions.assumeTrue(RedisServerProcess.available(), "needs " + RedisServerProcess.BINARY);
        redis = RedisServerProcess.start();
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> redis.port());
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }
}
