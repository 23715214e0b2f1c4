package io.ridemesh.dispatch.offer;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.ridemesh.dispatch.DispatchProperties;
import io.ridemesh.dispatch.offer.application.AcceptOffer;
import io.ridemesh.dispatch.offer.application.DeclineOffer;
import io.ridemesh.dispatch.offer.application.DriverLockGauges;
import io.ridemesh.dispatch.offer.application.ExpireOffers;
import io.ridemesh.dispatch.offer.application.OfferWaiters;
import io.ridemesh.dispatch.offer.application.WakingOffers;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.offer.domain.RideAssignments;
import io.ridemesh.dispatch.offer.messaging.HttpRideAssignments;
import io.ridemesh.dispatch.offer.persistence.RedisOffers;
import io.ridemesh.kit.client.ServiceClient;
import io.ridemesh.kit.security.ServiceTokens;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.client.RestClient;

/** Wiring of the offer feature, including the protected order-service client. */
@Configuration(proxyBeanMethods = false)
public class OfferConfiguration {

    /** Name of the circuit breaker and retry (metrics tag {@code name}). */
    public static final String ORDER_SERVICE = "order-service";

    @Bean
    OfferWaiters offerWaiters(MeterRegistry meters) {
        OfferWaiters waiters = new OfferWaiters();
        meters.gauge("dispatch.offers.long-polls", waiters, OfferWaiters::size);
        return waiters;
    }

    /**
     * Offers in Redis; placing one wakes the driver's waiting long poll in this process. Accepting a POOL offer starts
     * or extends the driver's shared trip, whose keys live {@code dispatch.pooling.trip-ttl} after the last join.
     */
    @Bean
    Offers offers(StringRedisTemplate redis, DispatchProperties properties, OfferWaiters waiters) {
        return new WakingOffers(
                new RedisOffers(
                        redis,
                        properties.offers().retention(),
                        properties.pooling().tripTtl()),
                waiters);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService orderServiceCalls() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "order-service-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    CircuitBreaker orderServiceBreaker(DispatchProperties properties, MeterRegistry meters) {
        DispatchProperties.OrderService o = properties.orderService();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(o.failureRateThreshold())
                .slidingWindowSize(o.slidingWindowSize())
                .minimumNumberOfCalls(Math.min(o.slidingWindowSize(), 5))
                .waitDurationInOpenState(o.openFor())
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry.circuitBreaker(ORDER_SERVICE);
    }

    @Bean
    Retry orderServiceRetry(DispatchProperties properties, MeterRegistry meters) {
        DispatchProperties.OrderService o = properties.orderService();
        RetryRegistry registry = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(o.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(o.retryBackoff(), 2.0))
                .ignoreExceptions(CallNotPermittedException.class)
                .build());
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry.retry(ORDER_SERVICE);
    }

    @Bean
    RideAssignments rideAssignments(
            DispatchProperties properties,
            ServiceTokens serviceTokens,
            CircuitBreaker orderServiceBreaker,
            Retry orderServiceRetry,
            ExecutorService orderServiceCalls) {
        DispatchProperties.OrderService o = properties.orderService();
        RestClient http = ServiceClient.restClient(o.url(), o.connectTimeout(), o.timeout());
        TimeLimiter timeLimiter = TimeLimiter.of(
                ORDER_SERVICE,
                TimeLimiterConfig.custom()
                        .timeoutDuration(o.timeout())
                        .cancelRunningFuture(true)
                        .build());
        return new HttpRideAssignments(
                http, serviceTokens, orderServiceBreaker, orderServiceRetry, timeLimiter, orderServiceCalls);
    }

    @Bean
    AcceptOffer acceptOffer(
            Offers offers, RideAssignments rideAssignments, DispatchProperties properties, InstantSource clock) {
        return new AcceptOffer(offers, rideAssignments, properties.offerSettings(), clock);
    }

    @Bean
    DeclineOffer declineOffer(Offers offers, DispatchProperties properties, InstantSource clock) {
        return new DeclineOffer(offers, properties.offerSettings(), clock);
    }

    @Bean
    ExpireOffers expireOffers(Offers offers, DispatchProperties properties, InstantSource clock) {
        return new ExpireOffers(offers, properties.offerSettings(), clock);
    }

    @Bean
    DriverLockGauges driverLockGauges(Offers offers, InstantSource clock) {
        return new DriverLockGauges(offers, clock);
    }
}
