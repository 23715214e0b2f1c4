package io.ridemesh.dispatch.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the {@code *IT} tests against a real {@code redis-server}: one {@link RedisProcess} per test class, emptied
 * before each test (this runs before the subclass's own {@code @BeforeEach}).
 */
public abstract class RedisBackedIT {

    protected static RedisProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void flushRedis() {
        redis.flush();
    }
}
