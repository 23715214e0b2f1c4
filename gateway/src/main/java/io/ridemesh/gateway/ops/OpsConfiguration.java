package io.ridemesh.gateway.ops;

import io.ridemesh.kit.problem.reactive.NettyProblemBodies;
import io.ridemesh.kit.problem.reactive.ReactiveProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.HttpHandler;

/** Wires the operator listener; it runs only when {@code gateway.ops-server.port} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsServerProperties.class)
public class OpsConfiguration {

    @Bean
    OpsServer opsServer(HttpHandler httpHandler, OpsServerProperties properties, NettyProblemBodies problemBodies) {
        return new OpsServer(httpHandler, properties, problemBodies);
    }

    @Bean
    OperatorPortFilter operatorPortFilter(OpsServerProperties properties, ReactiveProblemWriter problems) {
        return new OperatorPortFilter(properties.port(), problems);
    }
}
