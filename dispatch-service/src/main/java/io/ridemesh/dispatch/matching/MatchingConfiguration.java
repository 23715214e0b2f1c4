package io.ridemesh.dispatch.matching;

import io.micrometer.core.instrument.MeterRegistry;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.DispatchProperties;
import io.ridemesh.dispatch.matching.application.FollowRides;
import io.ridemesh.dispatch.matching.application.FollowUnitHomes;
import io.ridemesh.dispatch.matching.application.MatchWindow;
import io.ridemesh.dispatch.matching.application.RegisterRideRequest;
import io.ridemesh.dispatch.matching.application.RideRequests;
import io.ridemesh.dispatch.matching.domain.AssignmentSolver;
import io.ridemesh.dispatch.matching.domain.EtaModel;
import io.ridemesh.dispatch.matching.domain.GreedyNearestFirst;
import io.ridemesh.dispatch.matching.domain.Matcher;
import io.ridemesh.dispatch.matching.domain.OrToolsAssignment;
import io.ridemesh.dispatch.matching.domain.PendingRides;
import io.ridemesh.dispatch.matching.domain.TakeoverSourceUnavailable;
import io.ridemesh.dispatch.matching.messaging.HttpWaitingRides;
import io.ridemesh.dispatch.matching.messaging.KafkaHealthIndicator;
import io.ridemesh.dispatch.matching.messaging.RideEventsListener;
import io.ridemesh.dispatch.matching.persistence.RedisPendingRides;
import io.ridemesh.dispatch.matching.pooling.application.PoolInsertions;
import io.ridemesh.dispatch.matching.pooling.domain.ActivePools;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.offer.domain.RideAssignments;
import io.ridemesh.dispatch.supply.application.HeldOffers;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import io.ridemesh.kit.client.GatewayUnitHomes;
import io.ridemesh.kit.client.ServiceClient;
import io.ridemesh.kit.security.ServiceTokens;
import java.net.URI;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of the matching feature. */
@Configuration(proxyBeanMethods = false)
public class MatchingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MatchingConfiguration.class);

    @Bean
    PendingRides pendingRides(StringRedisTemplate redis) {
        return new RedisPendingRides(redis);
    }

    @Bean
    EtaModel etaModel(DispatchProperties properties) {
        return new EtaModel(
                properties.matching().detourFactor(), properties.matching().speedMetresPerSecond());
    }

    /** OR-Tools when asked for and its native library loads; otherwise greedy nearest-first, with a warning. */
    @Bean
    AssignmentSolver assignmentSolver(DispatchProperties properties) {
        if ("greedy".equals(properties.matching().solver())) {
            return new GreedyNearestFirst();
        }
        Optional<OrToolsAssignment> orTools = OrToolsAssignment.load();
        if (orTools.isPresent()) {
            log.info("matching windows are solved with OR-Tools LinearSumAssignment");
            return orTools.get();
        }
        log.warn(
                "OR-Tools native library unavailable, matching falls back to greedy nearest-first",
                OrToolsAssignment.loadFailure().orElse(null));
        return new GreedyNearestFirst();
    }

    @Bean
    Matcher matcher(EtaModel eta, AssignmentSolver solver, DispatchProperties properties) {
        return new Matcher(eta, solver, properties.matching().maxPickupEta());
    }

    @Bean
    MatchWindow matchWindow(
            PendingRides pending,
            DriverSupply supply,
            Offers offers,
            RideAssignments rideAssignments,
            Matcher matcher,
            GlobalIdGenerator ids,
            PoolInsertions poolInsertions,
            DispatchProperties properties,
            InstantSource clock) {
        return new MatchWindow(
                pending,
                supply,
                offers,
                rideAssignments,
                matcher,
                ids,
                properties.matchingSettings(),
                clock,
                poolInsertions);
    }

    /**
     * Follows the gateway's unit homes and takes waiting rides over from order-service's query API (both with dispatch's
     * service credentials); when switched off every unit is dispatched here.
     */
    @Bean
    FollowUnitHomes followUnitHomes(
            PendingRides pending,
            UnitMap units,
            DispatchProperties properties,
            ServiceTokens serviceTokens,
            JsonMapper json,
            InstantSource clock) {
        DispatchProperties.Takeover t = properties.takeover();
        DispatchProperties.OrderService o = properties.orderService();
        // never called while the takeover is off; then no gateway URL is configured
        URI configured = t.gatewayUrl();
        URI gateway = configured != null ? configured : URI.create("http://127.0.0.1:9");
        return new FollowUnitHomes(
                new GatewayUnitHomes(
                        new ServiceClient(
                                "the gateway",
                                ServiceClient.restClient(gateway, o.connectTimeout(), o.timeout()),
                                serviceTokens,
                                json),
                        TakeoverSourceUnavailable::new)::homes,
                new HttpWaitingRides(new ServiceClient(
                        "order-service",
                        ServiceClient.restClient(o.url(), o.connectTimeout(), o.timeout()),
                        serviceTokens,
                        json)),
                pending,
                units,
                properties.regionId(),
                properties.takeoverSettings(),
                clock);
    }

    @Bean
    RideRequests rideRequests(PendingRides pending, UnitMap units, DispatchProperties properties, InstantSource clock) {
        return new RegisterRideRequest(pending, units, properties.matchingSettings(), clock);
    }

    @Bean
    FollowRides followRides(
            PendingRides pending,
            DriverSupply supply,
            ActivePools activePools,
            UnitMap units,
            HeldOffers heldOffers,
            DispatchProperties properties,
            InstantSource clock) {
        return new FollowRides(
                pending,
                supply,
                activePools,
                units,
                properties.matchingSettings(),
                heldOffers,
                properties.supplySettings().stateTtl(),
                clock);
    }

    @Bean
    RideEventsListener rideEventsListener(
            RideRequests rideRequests,
            FollowRides followRides,
            JsonMapper json,
            DispatchProperties properties,
            MeterRegistry meters) {
        return new RideEventsListener(rideRequests, followRides, json, properties.acceptedRegions(), meters);
    }

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(
            KafkaProperties kafka, DispatchProperties properties, InstantSource clock) {
        return new KafkaHealthIndicator(
                kafka.buildAdminProperties(),
                properties.messaging().enabled(),
                clock,
                properties.messaging().healthCacheFor());
    }
}
