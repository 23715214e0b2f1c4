package io.ridemesh.kit.security;

import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * What the kit's shared HTTP doors need from a servlet service's settings ({@code servlet.ServletServiceSecurity}): the
 * platform tokens' key and the largest request body. A service's properties record implements it (its components
 * {@code jwtSecret} and {@code maxRequestBody} give both). Implementations are immutable.
 */
public interface ServiceSecuritySettings {

    /** The platform tokens' HMAC-SHA256 key bytes, at least 32 ({@link PlatformTokens#key}). */
    byte[] jwtKey();

    /** The largest request body the service reads; larger ones are answered 413 before anything reads them. */
    DataSize maxRequestBody();

    /**
     * The regional authorization servers whose ES256 tokens the service accepts beside the platform's HS256 ones
     * ({@link PlatformTokens#jwtDecoder(byte[], List)}); none by default.
     */
    default List<TrustedIssuer> trustedIssuers() {
        return List.of();
    }
}
