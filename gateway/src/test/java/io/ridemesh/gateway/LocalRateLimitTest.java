package io.ridemesh.gateway;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link RateLimitScenario} with the buckets in the gateway's memory ({@code gateway.rate-limit.store=local}). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.rate-limit.enabled=true",
            "gateway.rate-limit.store=local",
            "gateway.rate-limit.replenish-rate=1",
            "gateway.rate-limit.burst-capacity=3"
        })
class LocalRateLimitTest extends RateLimitScenario {}
