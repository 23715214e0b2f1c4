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
     * The regional authorization servers whose ES256 tokens the service accepts beside the platform's HS256 ones, as
     * the launcher writes them ({@code RIDEMESH_TRUSTED_ISSUERS}: {@code <issuer> <jwk set uri>[,...]}); blank (the
     * default): platform tokens only. A properties record gets it from a component of this name.
     */
    default String acceptTokensFrom() {
        return "";
    }

    /**
     * {@link #acceptTokensFrom()} parsed ({@link TrustedIssuer#parseList}), for {@link
     * PlatformTokens#jwtDecoder(byte[], List)}.
     *
     * @throws IllegalArgumentException naming an entry that is not two http(s) URIs
     */
    default List<TrustedIssuer> trustedIssuers() {
        return TrustedIssuer.parseList(acceptTokensFrom());
    }
}
