package io.ridemesh.pricing;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ridemesh.common.geo.CellIndex;
import io.ridemesh.common.geo.H3CellIndex;
import io.ridemesh.common.quote.QuoteSigner;
import io.ridemesh.pricing.application.IssueQuote;
import io.ridemesh.pricing.application.PricingModelLoader;
import io.ridemesh.pricing.domain.PricingModel;
import io.ridemesh.pricing.domain.ProductRules;
import io.ridemesh.pricing.domain.Quotes;
import io.ridemesh.pricing.domain.SurgePolicy;
import io.ridemesh.pricing.domain.SurgePricing;
import io.ridemesh.pricing.domain.TripEstimator;
import io.ridemesh.pricing.persistence.InMemoryDemandWindow;
import io.ridemesh.pricing.persistence.JdbcQuotes;
import io.ridemesh.pricing.persistence.RedisSupplyCounts;
import io.ridemesh.pricing.persistence.SupplyHealthIndicator;
import java.time.InstantSource;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds the pricing domain from {@link PricingProperties} and the JSON model files, and plugs in the adapters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingProperties.class)
class PricingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    InstantSource instantSource() {
        return InstantSource.system();
    }

    @Bean
    PricingModel pricingModel(PricingProperties p) {
        return PricingModelLoader.load(p.model().tariffs(), p.model().calibration());
    }

    @Bean
    CellIndex cellIndex() {
        return H3CellIndex.load();
    }

    @Bean
    QuoteSigner quoteSigner(PricingProperties p) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(p.quoteSigningKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("pricing.quote-signing-key must be base64, but does not decode", e);
        }
        if (key.length < QuoteSigner.MIN_KEY_BYTES) {
            throw new IllegalStateException("pricing.quote-signing-key must decode to >= " + QuoteSigner.MIN_KEY_BYTES
                    + " bytes, but was " + key.length);
        }
        return new QuoteSigner(key);
    }

    @Bean
    RedisSupplyCounts supplyCounts(StringRedisTemplate redis, InstantSource clock, PricingProperties p) {
        return new RedisSupplyCounts(redis, clock, p.supply().retryAfterFailure());
    }

    @Bean
    SupplyHealthIndicator surgeSupplyHealthIndicator(RedisSupplyCounts supply) {
        return new SupplyHealthIndicator(supply);
    }

    @Bean
    SurgePricing surgePricing(PricingProperties p, RedisSupplyCounts supply) {
        PricingProperties.Surge s = p.surge();
        SurgePolicy policy = new SurgePolicy(
                s.h3Resolution(),
                s.demandWindow(),
                s.balancedRequestsPerDriver(),
                s.sensitivity(),
                Math.round(s.cap() * 1000),
                s.smoothing(),
                Math.round(s.deadband() * 1000),
                Math.round(s.step() * 1000),
                s.idleStateTtl());
        return new SurgePricing(policy, supply, new InMemoryDemandWindow(s.demandWindow()));
    }

    @Bean
    Quotes quotes(JdbcClient jdbc) {
        return new JdbcQuotes(jdbc);
    }

    @Bean
    IssueQuote issueQuote(
            PricingModel model,
            CellIndex cells,
            PricingProperties p,
            SurgePricing surge,
            QuoteSigner signer,
            Quotes quotes,
            InstantSource clock) {
        PricingProperties.Products pr = p.products();
        return new IssueQuote(
                model,
                new TripEstimator(model.calibrations(), cells),
                new ProductRules(pr.soloMaxSeats(), pr.poolMaxSeats(), pr.poolSeatPercent()),
                surge,
                cells,
                signer,
                quotes,
                clock,
                p.quoteTtl(),
                () -> "q_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Bean
    MeterBinder pricingMetrics(RedisSupplyCounts supply, SurgePricing surge) {
        return (MeterRegistry registry) -> {
            Gauge.builder("pricing.surge.fallback", supply, s -> s.status().fallback() ? 1 : 0)
                    .description("1 while surge falls back to 1.0 because driver supply cannot be read")
                    .register(registry);
            FunctionCounter.builder("pricing.surge.supply.failures", supply, s -> s.status()
                            .failures())
                    .description("failed reads of the Redis supply hash")
                    .register(registry);
            Gauge.builder("pricing.surge.cells", surge, SurgePricing::trackedCells)
                    .description("H3 cells with surge state in this instance")
                    .register(registry);
        };
    }
}
