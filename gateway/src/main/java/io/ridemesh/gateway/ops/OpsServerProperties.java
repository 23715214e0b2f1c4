package io.ridemesh.gateway.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator listener ({@link OpsServer}).
 *
 * @param port TCP port of the operator listener ({@code GATEWAY_OPS_SERVER_PORT}); 0 (the default) runs none, and the
 *     operator API stays on the main port only
 * @param address address to bind, default {@code 127.0.0.1}
 */
@ConfigurationProperties("gateway.ops-server")
public record OpsServerProperties(
        @DefaultValue("0") int port,
        @DefaultValue("127.0.0.1") String address) {

    public OpsServerProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("gateway.ops-server.port must be in 0..65535, but was " + port);
        }
        if (address.isBlank()) {
            throw new IllegalArgumentException("gateway.ops-server.address must not be blank");
        }
    }
}
