package io.ridemesh.kit.security;

import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * The credentials one service presents to another: a bearer token whose role is {@link Role#SERVICE}. A service gets
 * its tokens from its region's authorization server with the client-credentials grant ({@link ClientCredentialsTokens},
 * RFC 6749 section 4.4); a service has no key to mint tokens with. Implementations are thread-safe and cache a token
 * until shortly before it expires, so a call costs no round trip.
 */
@FunctionalInterface
public interface ServiceTokens {

    /**
     * A valid bearer token (the JWT, without the {@code Bearer} prefix).
     *
     * @throws Unavailable when no token can be had now (the authorization server does not answer or refuses the client)
     */
    String current();

    /**
     * The credentials of service {@code name}: client credentials at {@code client}'s token endpoint, or, when the
     * service has no client configured, none: every {@link #current()} then fails with {@link Unavailable} naming the
     * settings to give (the service starts, and its calls to other services fail visibly).
     *
     * @param name the calling service, e.g. {@code dispatch-service}
     * @param client the service's client at the authorization server, or null (none configured)
     */
    static ServiceTokens forService(String name, @Nullable ClientCredentials client, InstantSource clock) {
        if (client != null && client.configured()) {
            return new ClientCredentialsTokens(client, clock);
        }
        return () -> {
            throw new Unavailable(
                    name + " has no client at an authorization server: set its service-client settings"
                            + " (RIDEMESH_SERVICE_CLIENT_TOKEN_URI, _ID and _SECRET)",
                    null);
        };
    }

    /** No token can be had now; the message names the authorization server and the cause. */
    final class Unavailable extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        public Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
