package io.ridemesh.kit.security;

import java.time.Duration;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;

/**
 * The credentials one service presents to another: a bearer token whose role is {@link Role#SERVICE}. A service gets
 * its tokens from its region's authorization server with the client-credentials grant ({@link ClientCredentialsTokens},
 * RFC 6749 section 4.4) when it has a client there, and mints HS256 platform tokens with the shared key otherwise
 * ({@link SharedKeyServiceTokens}, until that key is retired). Implementations are thread-safe and cache a token until
 * shortly before it expires, so a call costs no round trip.
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
     * The credentials of service {@code name}: client credentials at {@code client}'s token endpoint when it is
     * configured, else HS256 tokens minted with {@code sharedKey}, valid for {@code lifetime}.
     *
     * @param name the calling service, e.g. {@code dispatch-service}: the HS256 token's {@code sub}
     * @param client the service's client at the authorization server, or null (none configured)
     * @param sharedKey the platform's HMAC key (>= 32 bytes), used only without a client
     * @param lifetime an HS256 token's lifetime; a client-credentials token's is the server's
     */
    static ServiceTokens forService(
            String name, @Nullable ClientCredentials client, byte[] sharedKey, InstantSource clock, Duration lifetime) {
        if (client != null && client.configured()) {
            return new ClientCredentialsTokens(client, clock);
        }
        return new SharedKeyServiceTokens(name, sharedKey, clock, lifetime);
    }

    /** No token can be had now; the message names the authorization server and the cause. */
    final class Unavailable extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        public Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
