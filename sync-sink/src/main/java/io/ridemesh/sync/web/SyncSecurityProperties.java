package io.ridemesh.sync.web;

import io.ridemesh.kit.security.ServiceSecuritySettings;
import java.util.HexFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may read sync-sink's HTTP port (prefix {@code sync.security}): the platform tokens' key, as every service has it.
 * sync-sink serves only its actuator (health, metrics, the Prometheus scrape) and takes no request bodies.
 *
 * @param jwtSecret hex HMAC-SHA256 key of the platform tokens (HS256, {@code RIDEMESH_JWT_SECRET}), at least 32
 *     bytes; never logged
 * @param maxRequestBody largest request body read; sync-sink has no endpoint that takes one
 * @param acceptTokensFrom the regions' authorization servers whose ES256 tokens are accepted beside platform tokens
 *     ({@code RIDEMESH_TRUSTED_ISSUERS}: {@code <issuer> <jwk set uri>[,...]}); blank: platform tokens only
 * @throws IllegalArgumentException if the key is missing
 */
@ConfigurationProperties(prefix = "sync.security")
public record SyncSecurityProperties(
        String jwtSecret,
        @DefaultValue("1KB") DataSize maxRequestBody,
        @DefaultValue("") String acceptTokensFrom) implements ServiceSecuritySettings {

    public SyncSecurityProperties {
        if (jwtSecret == null || jwtSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "sync.security.jwt-secret must be set (hex of >= 32 random bytes), e.g. via RIDEMESH_JWT_SECRET");
        }
    }

    @Override
    public byte[] jwtKey() {
        return HexFormat.of().parseHex(jwtSecret);
    }

    @Override
    public String toString() {
        return "SyncSecurityProperties[jwtSecret=***, maxRequestBody=" + maxRequestBody + ", acceptTokensFrom="
                + acceptTokensFrom + "]";
    }
}
