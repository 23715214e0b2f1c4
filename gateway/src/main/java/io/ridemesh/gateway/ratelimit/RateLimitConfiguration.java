package io.ridemesh.gateway.ratelimit;

import io.ridemesh.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-user rate limit: {@link RedisRateLimiter} with the configured bucket, keyed by JWT subject. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    /** Replaces Spring Cloud Gateway's unconfigured default; it finds the Redis template and script itself. */
    @Bean
    RedisRateLimiter redisRateLimiter(GatewayProperties properties) {
        return new RedisRateLimiter(
                properties.rateLimit().replenishRate(), properties.rateLimit().burstCapacity());
    }

    @Bean
    KeyResolver jwtSubjectKeyResolver() {
        return new JwtSubjectKeyResolver();
    }

    @Bean
    UserRateLimitGatewayFilterFactory userRateLimitGatewayFilterFactory(
            RedisRateLimiter redisRateLimiter, KeyResolver jwtSubjectKeyResolver, GatewayProperties properties) {
        return new UserRateLimitGatewayFilterFactory(redisRateLimiter, jwtSubjectKeyResolver, properties.rateLimit());
    }
}
