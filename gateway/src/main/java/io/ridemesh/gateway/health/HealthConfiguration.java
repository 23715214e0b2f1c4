package io.ridemesh.gateway.health;

import io.netty.channel.ChannelOption;
import io.ridemesh.gateway.GatewayProperties;
import io.ridemesh.gateway.region.Regions;
import java.time.InstantSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** The region probes: their own HTTP client and connection pool (short timeouts), started with the application. */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

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
        WebClient http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(client))
                .build();
        return new RegionHealthMonitor(regions, http, clock, h.probeInterval(), h.failuresBeforeUnhealthy());
    }
}
