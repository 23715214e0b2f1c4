package io.ridemesh.pricing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ridemesh.pricing.domain.SupplyReading;
import io.ridemesh.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.HashOperations;
import org.springframework.data.redis.core.StringRedisTemplate;

class RedisSupplyCountsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    final StringRedisTemplate redis = mock(StringRedisTemplate.class);

    @SuppressWarnings("unchecked")
    final HashOperations<String, Object, Object> hash = mock(HashOperations.class);

    final RedisSupplyCounts supply = new RedisSupplyCounts(redis, clock, Duration.ofSeconds(5));
    final SupplyHealthIndicator health = new SupplyHealthIndicator(supply);

    RedisSupplyCountsTest() {
        when(redis.opsForHash()).thenReturn(hash);
    }

    @Test
    void readsTheDriverCountOfTheCellFromTheUnitsHash() {
        when(hash.get("supply:nyc:cells", "882a100d25fffff")).thenReturn("7");

        assertThat(supply.availableDrivers("nyc", "882a100d25fffff")).isEqualTo(new SupplyReading.Available(7));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void countsAMissingFieldAsNoDriver() {
        assertThat(supply.availableDrivers("nyc", "882a100d25fffff")).isEqualTo(new SupplyReading.Available(0));
    }

    @Test
    void treatsAMalformedCountAsUnavailable() {
        when(hash.get(any(), any())).thenReturn("lots");

        assertThat(supply.availableDrivers("nyc", "c")).isInstanceOf(SupplyReading.Unavailable.class);
    }

    @Test
    void fallsBackBacksOffAndReportsDegradedHealthWhileRedisFails() {
        when(hash.get(any(), any())).thenThrow(new RedisConnectionFailureException("connection refused"));

        assertThat(supply.availableDrivers("nyc", "c")).isInstanceOf(SupplyReading.Unavailable.class);
        clock.advance(Duration.ofSeconds(4));
        assertThat(supply.availableDrivers("nyc", "c")).isInstanceOf(SupplyReading.Unavailable.class);

        verify(hash, times(1)).get(any(), any()); // the second call backed off
        assertThat(health.health().getStatus()).isEqualTo(SupplyHealthIndicator.DEGRADED);
        assertThat(health.health().getDetails()).containsEntry("surgeFallback", true);
        assertThat(supply.status().failures()).isEqualTo(1);
    }

    @Test
    void recoversWhenRedisAnswersAgain() {
        when(hash.get(any(), any()))
                .thenThrow(new RedisConnectionFailureException("connection refused"))
                .thenReturn("3");
        supply.availableDrivers("nyc", "c");
        clock.advance(Duration.ofSeconds(5));

        assertThat(supply.availableDrivers("nyc", "c")).isEqualTo(new SupplyReading.Available(3));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void fallsBackAgainstARealClientWithNothingListening() {
        // Port 1 on loopback: connection refused at once.
        LettuceConnectionFactory factory = new LettuceConnectionFactory("127.0.0.1", 1);
        factory.afterPropertiesSet();
        try {
            RedisSupplyCounts real =
                    new RedisSupplyCounts(new StringRedisTemplate(factory), clock, Duration.ofSeconds(5));

            assertThat(real.availableDrivers("nyc", "c")).isInstanceOf(SupplyReading.Unavailable.class);
            assertThat(real.status().fallback()).isTrue();
        } finally {
            factory.destroy();
        }
    }
}
