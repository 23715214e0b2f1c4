package io.ridemesh.gateway.ratelimit;

import io.ridemesh.gateway.GatewayProperties;
import java.util.Objects;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * The {@code UserRateLimit} filter (a default filter of every route): one token bucket per user
 * ({@link JwtSubjectKeyResolver}), shared by all routes of the region, {@code gateway.rate-limit.replenish-rate} tokens
 * per second up to {@code burst-capacity}. Over the limit: 429 problem with {@code Retry-After}; the
 * {@code X-RateLimit-*} headers are set either way. The {@link RateLimiter} does the counting: {@link LocalRateLimiter}
 * in memory, or Spring Cloud Gateway's {@code RedisRateLimiter} (one atomic Lua script per request, fail open when
 * Redis is unreachable). Thread-safe; non-blocking.
 */
public final class UserRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    /** The bucket namespace: every route shares a user's bucket. */
    static final String BUCKET = "user";

    private final RateLimiter<?> limiter;
    private final KeyResolver keys;
    private final GatewayProperties.RateLimit settings;

    public UserRateLimitGatewayFilterFactory(
            RateLimiter<?> limiter, KeyResolver keys, GatewayProperties.RateLimit settings) {
        super(Object.class);
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return "UserRateLimit";
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            if (!settings.enabled()) {
                return chain.filter(exchange);
            }
            return keys.resolve(exchange).defaultIfEmpty("").flatMap(key -> {
                if (key.isEmpty()) {
                    return chain.filter(exchange);
                }
                return limiter.isAllowed(BUCKET, key).flatMap(response -> {
                    response.getHeaders().forEach(exchange.getResponse().getHeaders()::set);
                    if (response.isAllowed()) {
                        return chain.filter(exchange);
                    }
                    return Mono.<Void>error(new RateLimited(key, settings.replenishRate(), settings.burstCapacity()));
                });
            });
        };
    }
}
