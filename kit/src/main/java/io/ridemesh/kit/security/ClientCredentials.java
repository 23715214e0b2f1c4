package io.ridemesh.kit.security;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A service's confidential client at its region's authorization server, for the client-credentials grant ({@link
 * ClientCredentialsTokens}). A service's properties record binds it under {@code <service>.service-client} from {@code
 * RIDEMESH_SERVICE_CLIENT_TOKEN_URI}, {@code RIDEMESH_SERVICE_CLIENT_ID} and {@code RIDEMESH_SERVICE_CLIENT_SECRET}.
 * Without a token URI nothing is configured. Immutable.
 *
 * @param tokenUri the token endpoint, e.g. {@code http://127.0.0.1:8150/oauth2/token}; null or blank: no client
 * @param clientId the client id, e.g. {@code dispatch-service}
 * @param clientSecret the client's secret (HTTP Basic, {@code client_secret_basic})
 * @param scope the scope asked for; null or blank: {@value #SERVICE_SCOPE}
 * @param timeout connect and read timeout of a token request; null: 2 s
 */
public record ClientCredentials(
        @Nullable URI tokenUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        String scope,
        Duration timeout) {

    /** The scope of a service's tokens at the platform's authorization server. */
    public static final String SERVICE_SCOPE = "service";

    /** Fills the defaults of an unset scope and timeout. */
    public ClientCredentials(
            @Nullable URI tokenUri,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String scope,
            @Nullable Duration timeout) {
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope == null || scope.isBlank() ? SERVICE_SCOPE : scope;
        this.timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }

    /** Whether a token endpoint is configured (else the service has no client). */
    public boolean configured() {
        return tokenUri != null && !tokenUri.toString().isBlank();
    }

    @Override
    public String toString() {
        return "ClientCredentials[tokenUri=" + tokenUri + ", clientId=" + clientId + ", clientSecret=***, scope="
                + scope + ", timeout=" + timeout + "]";
    }
}
