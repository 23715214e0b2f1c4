package io.ridemesh.kit.security;

import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * What the kit's shared HTTP doors need from a servlet service's settings ({@code servlet.ServletServiceSecurity}): the
 * issuers whose tokens it trusts and the largest request body. A service's properties record implements it (its
 * components {@code acceptTokensFrom} and {@code maxRequestBody} give both). Implementations are immutable.
 */
public interface ServiceSecuritySettings {

    /** The largest request body the service reads; larger ones are answered 413 before anything reads them. */
    DataSize maxRequestBody();

    /**
     * Requests in work at once (not counting long polls while they wait); more are answered 503 {@code overloaded}
     * before any work. Default 256: far above what the gateways admit (their bulkheads, 48 calls per service and
     * gateway), far below what fills a 384 MB heap (a request in work held about 70 KB under {@code ./platform bench
     * calls}).
     */
    default int maxRequestsInWork() {
        return 256;
    }

    /**
     * The authorization servers whose tokens the service accepts (every region's identity-service, or another OpenID
     * provider), as the launcher writes them ({@code RIDEMESH_TRUSTED_ISSUERS}: {@code <issuer> <jwk set
     * uri>[,...]}). A properties record gets it from a component of this name. Required: a service that trusts no
     * issuer does not start.
     */
    String acceptTokensFrom();

    /**
     * {@link #acceptTokensFrom()} parsed ({@link TrustedIssuer#parseList}), for {@link
     * PlatformTokens#jwtDecoder(List)}.
     *
     * @throws IllegalArgumentException naming an entry that is not two http(s) URIs
     */
    default List<TrustedIssuer> trustedIssuers() {
        return TrustedIssuer.parseList(acceptTokensFrom());
    }
}
