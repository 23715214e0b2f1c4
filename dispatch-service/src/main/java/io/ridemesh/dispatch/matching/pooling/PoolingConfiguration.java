package io.ridemesh.dispatch.matching.pooling;

import io.ridemesh.dispatch.DispatchProperties;
import io.ridemesh.dispatch.matching.domain.EtaModel;
import io.ridemesh.dispatch.matching.pooling.application.PoolInsertions;
import io.ridemesh.dispatch.matching.pooling.domain.ActivePools;
import io.ridemesh.dispatch.matching.pooling.domain.PoolAssigner;
import io.ridemesh.dispatch.matching.pooling.domain.PoolingInsertion;
import io.ridemesh.dispatch.matching.pooling.persistence.RedisActivePools;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wiring of the pooling feature: the active shared trips in Redis and the window's insertion step. */
@Configuration(proxyBeanMethods = false)
public class PoolingConfiguration {

    @Bean
    ActivePools activePools(StringRedisTemplate redis) {
        return new RedisActivePools(redis);
    }

    /** Insertion with matching's travel-time model ({@link EtaModel#seconds}) and {@code dispatch.pooling.*}. */
    @Bean
    PoolInsertions poolInsertions(ActivePools activePools, EtaModel eta, DispatchProperties properties) {
        return new PoolInsertions(
                activePools,
                new PoolAssigner(new PoolingInsertion(eta::seconds, properties.poolingRules())),
                eta::seconds,
                properties.poolingSettings());
    }
}
