package io.ridemesh.dispatch.support;

import io.ridemesh.testsupport.RedisServerProcess;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A throwaway {@code redis-server} (test-support's {@link RedisServerProcess}) with a template connected to it, for
 * {@code *IT} tests. Start in {@code @BeforeAll}, {@link #close()} in {@code @AfterAll}.
 */
public final class RedisProcess implements AutoCloseable {

    private final RedisServerProcess server;
    private final LettuceConnectionFactory factory;
    private final StringRedisTemplate template;

    private RedisProcess(RedisServerProcess server) {
        this.server = server;
        this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", server.port()));
        factory.afterPropertiesSet();
        factory.start();
        this.template = new StringRedisTemplate(factory);
    }

    public static RedisProcess start() {
        return new RedisProcess(RedisServerProcess.start());
    }

    public StringRedisTemplate template() {
        return template;
    }

    public int port() {
        return server.port();
    }

    /** Empties the database between tests. */
    public void flush() {
        template.execute(
                c -> {
                    c.serverCommands().flushAll();
                    return null;
                },
                true);
    }

    @Override
    public void close() {
        factory.destroy();
        server.close();
    }
}
