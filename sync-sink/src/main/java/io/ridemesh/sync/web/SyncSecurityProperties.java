package io.ridemesh.sync.web;

import io.ridemesh.kit.security.ServiceSecuritySettings;
import io.ridemesh.kit.security.TrustedIssuer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may read sync-sink's HTTP port (prefix {@code sync.security}): the issuers whose tokens it trusts, as every
 * service has them. sync-sink serves only its actuator (health, metrics, the Prometheus scrape) and takes no request
 * bodies.
 *
 * @param maxRequestBody largest request body read; sync-sink has no endpoint that takes one
 * @param acceptTokensFrom the authorization servers whose tokens are accepted ({@code RIDEMESH_TRUSTED_ISSUERS}:
 *     {@code <issuer> <jwk set uri>[,...]}), at least one
 * @throws IllegalArgumentException if no issuer is trusted or an entry is not two http(s) URIs
 */
@ConfigurationProperties(prefix = "sync.security")
public record SyncSecurityProperties(@DefaultValue("1KB") DataSize maxRequestBody, String acceptTokensFrom)
        implements ServiceSecuritySettings {

    public SyncSecurityProperties {
        TrustedIssuer.requireSome("sync.security.accept-tokens-from", acceptTokensFrom);
    }
}
