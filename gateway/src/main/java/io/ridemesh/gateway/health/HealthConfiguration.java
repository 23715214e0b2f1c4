package io.ridemesh.gateway.health;

import io.netty.channel.ChannelOption;
import io.ridemesh.gateway.GatewayProperties;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.kit.security.ServiceTokens;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The region probes: their own HTTP client and connection pool (short timeouts), started with the application. Health
 * is open and probed without a token, so a region's health never depends on an authorization server; a sync-sink's
 * metrics (lag, backlog) answer only operators and services, and are read with the gateway's service token ({@link
 * ServiceTokens}: client credentials at the region's identity-service when {@code gateway.service-client} is set).
 */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    private static final String HEALTH_PATH = "/actuator/health";

    /**
     * The probes' own pool: probes of dead regions time out and close connections all the time, which must not disturb
     * other clients sharing Reactor Netty's global pool.
     */
    @Bean(destroyMethod = "dispose")
    ConnectionProvider regionProbePool(GatewayProperties properties) {
        GatewayProperties.Health h = properties.health();
        return ConnectionProvider.builder("region-probes")
                .maxConnections(64)
                .pendingAcquireTimeout(h.probeTimeout().multipliedBy(2))
                .maxIdleTime(h.probeInterval().multipliedBy(10))
                .build();
    }

    @Bean
    RegionHealthMonitor regionHealthMonitor(
            Regions regions, InstantSource clock, GatewayProperties properties, ConnectionProvider regionProbePool) {
        GatewayProperties.Health h = properties.health();
        HttpClient client = HttpClient.create(regionProbePool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        h.probeTimeout().toMillis())
                .responseTimeout(h.probeTimeout());
        ServiceTokens tokens = ServiceTokens.forService("gateway", properties.serviceClient(), clock);
        WebClient http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(client))
                .filter((request, next) -> request.url().getPath().endsWith(HEALTH_PATH)
                        ? next.exchange(request)
                        // a token may have to be asked for (a blocking call): not on the event loop
                        : Mono.fromCallable(tokens::current)
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(token -> next.exchange(ClientRequest.from(request)
                                        .headers(headers -> headers.setBearerAuth(token))
                                        .build())))
                .build();
        return new RegionHealthMonitor(regions, http, clock, h.probeInterval(), h.failuresBeforeUnhealthy());
    }
}
