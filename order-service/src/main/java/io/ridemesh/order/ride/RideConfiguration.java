package io.ridemesh.order.ride;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.quote.QuoteSigner;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.kit.client.GatewayUnitHomes;
import io.ridemesh.kit.client.ServiceClient;
import io.ridemesh.kit.security.ServiceTokens;
import io.ridemesh.order.OrderProperties;
import io.ridemesh.order.ride.application.ArriveAtPickup;
import io.ridemesh.order.ride.application.AssignDriver;
import io.ridemesh.order.ride.application.CancelRide;
import io.ridemesh.order.ride.application.CompleteRide;
import io.ridemesh.order.ride.application.ReconcileDuplicateRides;
import io.ridemesh.order.ride.application.ReportNoDriverAvailable;
import io.ridemesh.order.ride.application.ReportRiderNoShow;
import io.ridemesh.order.ride.application.RequestRide;
import io.ridemesh.order.ride.application.RideChanges;
import io.ridemesh.order.ride.application.StartRide;
import io.ridemesh.order.ride.application.ViewRides;
import io.ridemesh.order.ride.domain.CancellationPolicy;
import io.ridemesh.order.ride.domain.RepricingPolicy;
import io.ridemesh.order.ride.domain.RideEvents;
import io.ridemesh.order.ride.domain.Rides;
import io.ridemesh.order.ride.domain.SeatLimits;
import io.ridemesh.order.ride.messaging.JdbcOutboxRideEvents;
import io.ridemesh.order.ride.persistence.JdbcRides;
import io.ridemesh.order.unit.domain.UnitHomes;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the ride feature explicitly: policies from {@link OrderProperties}, adapters, use cases. */
@Configuration(proxyBeanMethods = false)
public class RideConfiguration {

    @Bean
    Rides rides(NamedParameterJdbcOperations jdbc, HybridLogicalClock clock, OrderProperties properties) {
        return new JdbcRides(jdbc, clock, properties.regionId());
    }

    @Bean
    RideEvents rideEvents(NamedParameterJdbcOperations jdbc, GlobalIdGenerator ids, JsonMapper json) {
        return new JdbcOutboxRideEvents(jdbc, ids, json);
    }

    @Bean
    QuoteSigner quoteSigner(OrderProperties properties) {
        return new QuoteSigner(properties.quoteKey());
    }

    @Bean
    CancellationPolicy cancellationPolicy(OrderProperties properties) {
        OrderProperties.Cancellation c = properties.cancellation();
        return new CancellationPolicy(c.freeWindow(), c.riderNoShowWait(), c.feeCentsByUnit(), c.defaultFeeCents());
    }

    @Bean
    RepricingPolicy repricingPolicy(OrderProperties properties) {
        return new RepricingPolicy(
                properties.repricing().thresholdPercent(),
                properties.repricing().maxFactorPercent());
    }

    @Bean
    SeatLimits seatLimits(OrderProperties properties) {
        return new SeatLimits(properties.seats().soloMax(), properties.seats().poolMax());
    }

    /**
     * Read committed: a CAS that updated 0 rows re-reads the row in the same transaction and must see the write that
     * won (MariaDB's default, repeatable read, would show the snapshot of the first read).
     */
    @Bean
    TransactionOperations rideTransactions(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return template;
    }

    @Bean
    RideChanges rideChanges(Rides rides, RideEvents events, TransactionOperations rideTransactions) {
        return new RideChanges(rides, events, rideTransactions);
    }

    @Bean
    RequestRide requestRide(
            Rides rides,
            RideEvents events,
            UnitMap units,
            QuoteSigner quotes,
            GlobalIdGenerator ids,
            InstantSource clock,
            TransactionOperations rideTransactions,
            SeatLimits seatLimits) {
        return new RequestRide(rides, events, units, quotes, ids, ms(clock), rideTransactions, seatLimits);
    }

    @Bean
    ViewRides viewRides(Rides rides, OrderProperties properties) {
        return new ViewRides(rides, properties.listLimit());
    }

    @Bean
    AssignDriver assignDriver(RideChanges changes, InstantSource clock) {
        return new AssignDriver(changes, ms(clock));
    }

    @Bean
    ArriveAtPickup arriveAtPickup(RideChanges changes, InstantSource clock) {
        return new ArriveAtPickup(changes, ms(clock));
    }

    @Bean
    StartRide startRide(RideChanges changes, InstantSource clock) {
        return new StartRide(changes, ms(clock));
    }

    @Bean
    CompleteRide completeRide(RideChanges changes, InstantSource clock, RepricingPolicy repricing) {
        return new CompleteRide(changes, ms(clock), repricing);
    }

    /**
     * Withdraws duplicate rides created by two regions during a failover, in the region that homes their unit; asks the
     * region's gateway where units are homed ({@code order.duplicates.gateway-url}, with order-service's service
     * credentials). Off with {@code order.duplicates.enabled=false}.
     */
    @Bean
    DuplicateRideReconciler duplicateRideReconciler(
            Rides rides,
            RideChanges changes,
            JsonMapper json,
            OrderProperties properties,
            InstantSource clock,
            ObjectProvider<MeterRegistry> registry) {
        OrderProperties.Duplicates d = properties.duplicates();
        URI configured = d.gatewayUrl();
        // never asked while the reconciler is off; then no gateway URL is configured
        URI gateway = configured != null ? configured : URI.create("http://127.0.0.1:9");
        ServiceClient client = new ServiceClient(
                "the gateway",
                ServiceClient.restClient(gateway, d.gatewayTimeout(), d.gatewayTimeout()),
                ServiceTokens.forService("order-service", properties.serviceClient(), clock),
                json);
        ReconcileDuplicateRides reconcile = new ReconcileDuplicateRides(
                rides,
                changes,
                new GatewayUnitHomes(client, UnitHomes.UnitHomesUnavailable::new)::homes,
                properties.regionId(),
                clock);
        return new DuplicateRideReconciler(
                reconcile, d.enabled(), d.interval(), d.batch(), registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    CancelRide cancelRide(RideChanges changes, InstantSource clock, CancellationPolicy policy) {
        return new CancelRide(changes, ms(clock), policy);
    }

    @Bean
    ReportRiderNoShow reportRiderNoShow(RideChanges changes, InstantSource clock, CancellationPolicy policy) {
        return new ReportRiderNoShow(changes, ms(clock), policy);
    }

    @Bean
    ReportNoDriverAvailable reportNoDriverAvailable(RideChanges changes, InstantSource clock) {
        return new ReportNoDriverAvailable(changes, ms(clock));
    }

    /** The wall clock at the stored precision (ms), so events and rides carry exactly the instants that are stored. */
    private static InstantSource ms(InstantSource clock) {
        return InstantSource.tick(clock, Duration.ofMillis(1));
    }
}
