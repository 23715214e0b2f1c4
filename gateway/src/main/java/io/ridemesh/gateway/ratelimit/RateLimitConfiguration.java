package io.ridemesh.gateway.ratelimit;

import io.ridemesh.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The per-user rate limit, keyed by JWT subject: {@link LocalRateLimiter} ({@code gateway.rate-limit.store=local},
 * the default) or Spring Cloud Gateway's {@link RedisRateLimiter} ({@code redis}).
 */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    /** Buckets kept in memory at most (users active in the last ten minutes, in practice). */
    private static final long MAX_LOCAL_BUCKETS = 1_000_000;

    /**
     * The configured limiter, primary over Spring Cloud Gateway's unconfigured default Redis limiter; a
     * {@link RedisRateLimiter} finds the Redis template and script itself.
     */
    @Bean
    @Primary
    RateLimiter<?> userRateLimiter(GatewayProperties properties) {
        GatewayProperties.RateLimit settings = properties.rateLimit();
        if ("redis".equals(settings.store())) {
            return new RedisRateLimiter(settings.replenishRate(), settings.burstCapacity());
        }
        return new LocalRateLimiter(settings.replenishRate(), settings.burstCapacity(), MAX_LOCAL_BUCKETS);
    }

    @Bean
    KeyResolver jwtSubjectKeyResolver() {
        return new JwtSubjectKeyResolver();
    }

    @Bean
    UserRateLimitGatewayFilterFactory userRateLimitGatewayFilterFactory(
            RateLimiter<?> userRateLimiter, KeyResolver jwtSubjectKeyResolver, GatewayProperties properties) {
        return new UserRateLimitGatewayFilterFactory(userRateLimiter, jwtSubjectKeyResolver, properties.rateLimit());
    }
}
