package io.ridemesh.identity.authserver;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Refresh tokens for the apps' public client, which Spring Authorization Server does not give by default (a public
 * client cannot authenticate when it refreshes). OAuth 2.1 (draft-ietf-oauth-v2-1, section 4.3.1) allows them to a
 * public client when each refresh token is used once: a refresh answers a new refresh token and the old one is spent
 * ({@code reuseRefreshTokens(false)} on the client). The pieces follow the customization the Spring Authorization
 * Server maintainers give for this (spring-authorization-server issue 1430):
 *
 * <ul>
 *   <li>{@link #converter()}: a {@code grant_type=refresh_token} request with a {@code client_id} and no client
 *       credentials names a public client;
 *   <li>{@link #provider(RegisteredClientRepository)}: that client exists, authenticates with {@code none} and may
 *       use the refresh-token grant, or the request is refused ({@code invalid_client});
 *   <li>{@link #generator(InstantSource)}: a refresh token for every client that may use the grant, public ones
 *       included, from 96 random bytes (as the framework's own generator makes them), living the client's refresh
 *       token lifetime.
 * </ul>
 *
 * Thread-safe.
 */
final class PublicClientRefreshTokens {

    private PublicClientRefreshTokens() {}

    /** A public client asking to refresh, before and after it is known. */
    static final class PublicClientRefresh extends OAuth2ClientAuthenticationToken {

        PublicClientRefresh(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, Map.of());
        }

        PublicClientRefresh(RegisteredClient client) {
            super(client, ClientAuthenticationMethod.NONE, null);
        }
    }

    static AuthenticationConverter converter() {
        return PublicClientRefreshTokens::convert;
    }

    private static @Nullable Authentication convert(HttpServletRequest request) {
        String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        if (!AuthorizationGrantType.REFRESH_TOKEN
                        .getValue()
                        .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                || clientId == null
                || clientId.isBlank()
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        return new PublicClientRefresh(clientId);
    }

    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        Objects.requireNonNull(clients, "clients");
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                PublicClientRefresh asked = (PublicClientRefresh) authentication;
                RegisteredClient client = clients.findByClientId((String) asked.getPrincipal());
                if (client == null
                        || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
                        || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
                    throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
                }
                return new PublicClientRefresh(client);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return PublicClientRefresh.class.isAssignableFrom(authentication);
            }
        };
    }

    static OAuth2TokenGenerator<OAuth2RefreshToken> generator(InstantSource clock) {
        StringKeyGenerator values =
                new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
        return context -> generate(context, values, clock);
    }

    private static @Nullable OAuth2RefreshToken generate(
            OAuth2TokenContext context, StringKeyGenerator values, InstantSource clock) {
        RegisteredClient client = context.getRegisteredClient();
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                || !client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            return null;
        }
        Instant issuedAt = clock.instant();
        return new OAuth2RefreshToken(
                values.generateKey(),
                issuedAt,
                issuedAt.plus(client.getTokenSettings().getRefreshTokenTimeToLive()));
    }
}
