package io.ridemesh.identity.authserver;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.ridemesh.identity.IdentityProperties;
import io.ridemesh.identity.account.domain.Accounts;
import io.ridemesh.kit.security.PlatformTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
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
 *       secret, no consent screen) and one confidential client per service ({@code identity.service-clients}: client
 *       credentials, secret hashed at start, scope {@code service});
 *   <li><b>keys:</b> {@link SigningKeys}, ES256 for access and ID tokens;
 *   <li><b>claims:</b> {@link PlatformClaims}; access tokens are for the audience {@value PlatformTokens#AUDIENCE}.
 * </ul>
 *
 * An unauthenticated authorization request is sent to the sign-in page ({@code /login}); the session the sign-in
 * starts carries the user back. The chain runs first ({@code @Order(0)}) and matches only these endpoints.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfiguration {

    /** The scope of a service's client-credentials token. */
    public static final String SERVICE_SCOPE = "service";

    /** The scope of an app's token: the rider's or driver's own rides, offers and account. */
    public static final String APP_SCOPE = "rides";

    @Bean
    @Order(0)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(
                        authorizationServer,
                        server -> server.oidc(oidc ->
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
    SigningKeys signingKeys(IdentityProperties properties) {
        return SigningKeys.parse(properties.signingKeys());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return new ImmutableJWKSet<>(keys.jwkSet());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> platformClaims(SigningKeys keys, Accounts accounts) {
        return new PlatformClaims(keys.activeKeyId(), accounts);
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, PasswordEncoder encoder) {
        TokenSettings tokens = TokenSettings.builder()
                .accessTokenTimeToLive(properties.accessTokenTtl())
                .idTokenSignatureAlgorithm(SignatureAlgorithm.ES256)
                .build();
        List<RegisteredClient> clients = new ArrayList<>();
        IdentityProperties.AppClient app = properties.appClient();
        clients.add(RegisteredClient.withId(
                        UUID.nameUUIDFromBytes(app.clientId().getBytes()).toString())
                .clientId(app.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(app.redirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(APP_SCOPE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens)
                .build());
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
}
