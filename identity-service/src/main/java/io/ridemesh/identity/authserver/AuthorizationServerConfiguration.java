package io.ridemesh.identity.authserver;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ridemesh.identity.IdentityProperties;
import io.ridemesh.identity.account.domain.Accounts;
import io.ridemesh.kit.security.ClientCredentials;
import io.ridemesh.kit.security.PlatformTokens;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The authorization server's endpoints ({@code /oauth2/authorize}, {@code /oauth2/token}, {@code /oauth2/jwks}, {@code
 * /oauth2/revoke}, {@code /oauth2/introspect}, {@code /userinfo}, {@code /.well-known/openid-configuration} and {@code
 * /.well-known/oauth-authorization-server}: Spring Authorization Server) and what they know:
 *
 * <ul>
 *   <li><b>clients:</b> the apps' public client ({@code identity.app-client}: authorization code with PKCE, S256, no
 *       secret, no consent screen; refresh tokens used once each, {@link PublicClientRefreshTokens}), the operators' console's ({@code identity.console-client}, the same flow, scope
 *       {@value #CONSOLE_SCOPE}) and one confidential client per service ({@code identity.service-clients}: client
 *       credentials, secret hashed at start, scope {@code service});
 *   <li><b>keys:</b> {@link SigningKeyRing} ({@link SigningKeys}, fixed or from a file read again when it changes),
 *       ES256 for access and ID tokens;
 *   <li><b>claims:</b> {@link PlatformClaims}; access tokens are for the audience {@value PlatformTokens#AUDIENCE}.
 * </ul>
 *
 * An unauthenticated authorization request is sent to the sign-in page ({@code /login}); the session the sign-in
 * starts carries the user back. The chain runs first ({@code @Order(0)}) and matches only these endpoints.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    /** The scope of a service's client-credentials token. */
    public static final String SERVICE_SCOPE = ClientCredentials.SERVICE_SCOPE;

    /** The scope of an app's token: the rider's or driver's own rides, offers and account. */
    public static final String APP_SCOPE = "rides";

    /** The scope of the console's token: the operator's view and actions ({@code /ops/**}). */
    public static final String CONSOLE_SCOPE = "ops";

    @Bean
    @Order(0)
    SecurityFilterChain authorizationServerChain(
            HttpSecurity http,
            SigningKeyRing keys,
            OAuth2TokenCustomizer<JwtEncodingContext> platformClaims,
            RegisteredClientRepository clients,
            InstantSource clock)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        JwtGenerator jwts = new JwtGenerator(new NimbusJwtEncoder(keys));
        jwts.setJwtCustomizer(platformClaims);
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.tokenGenerator(new DelegatingOAuth2TokenGenerator(
                                jwts, new OAuth2AccessTokenGenerator(), PublicClientRefreshTokens.generator(clock)))
                        .clientAuthentication(authentication -> authentication
                                .authenticationConverter(PublicClientRefreshTokens.converter())
                                .authenticationProvider(PublicClientRefreshTokens.provider(clients)))
                        .oidc(oidc ->
                                oidc.providerConfigurationEndpoint(endpoint -> endpoint.providerConfigurationCustomizer(
                                        metadata -> metadata.idTokenSigningAlgorithms(algorithms -> {
                                            algorithms.clear();
                                            algorithms.add(SignatureAlgorithm.ES256.getName());
                                        })))))
                .authorizeHttpRequests(routes -> routes.anyRequest().authenticated())
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder()
                .issuer(properties.issuer().toString())
                .build();
    }

    @Bean
    SigningKeyRing signingKeys(IdentityProperties properties, InstantSource clock) {
        return properties.signingKeysFile() != null
                ? SigningKeyRing.watching(properties.signingKeysFile(), clock)
                : SigningKeyRing.fixed(
                        SigningKeys.parse(Objects.requireNonNull(properties.signingKeys()), "identity.signing-keys"),
                        clock);
    }

    /** {@code identity.signing_keys.reload_failures}: versions of the key file that could not be used. */
    @Bean
    MeterBinder signingKeyMetrics(SigningKeyRing keys) {
        return registry -> Gauge.builder("identity.signing_keys.reload_failures", keys, SigningKeyRing::reloadFailures)
                .description("versions of the signing key file that could not be used (the keys were kept)")
                .register(registry);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(SigningKeyRing keys, Accounts accounts) {
        return new PlatformClaims(keys::activeKeyId, accounts);
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder encoder) {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
                .build();
        List<RegisteredClient> clients = new ArrayList<>();
        IdentityProperties.AppClient app = properties.appClient();
        // the apps refresh: each refresh token is used once (a refresh answers a new one), OAuth 2.1 section 4.3.1
        TokenSettings appTokens = TokenSettings.withSettings(tokens.getSettings())
                .refreshTokenTimeToLive(app.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .build();
        clients.add(publicClient(app.clientId(), app.redirectUris(), APP_SCOPE, appTokens, true));
        IdentityProperties.ConsoleClient console = properties.consoleClient();
        clients.add(publicClient(console.clientId(), console.redirectUris(), CONSOLE_SCOPE, tokens, false));
        for (Map.Entry<String, String> service : properties.serviceClients().entrySet()) {
            clients.add(RegisteredClient.withId(
                            UUID.nameUUIDFromBytes(service.getKey().getBytes()).toString())
                    .clientId(service.getKey())
                    .clientSecret(encoder.encode(service.getValue()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope(SERVICE_SCOPE)
                    .tokenSettings(tokens)
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * A public client (no secret): authorization code with PKCE (S256), no consent screen, and refresh tokens if
     * {@code refresh} ({@link PublicClientRefreshTokens}).
     */
    private static RegisteredClient publicClient(
            String clientId, List<String> redirectUris, String scope, TokenSettings tokens, boolean refresh) {
        return RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantTypes(grants -> {
                    if (refresh) {
                        grants.add(AuthorizationGrantType.REFRESH_TOKEN);
                    }
                })
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID)
                .scope(scope)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build();
    }
}
