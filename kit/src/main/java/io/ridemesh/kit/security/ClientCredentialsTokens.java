package io.ridemesh.kit.security;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Objects;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * A service's tokens from its region's authorization server with the client-credentials grant (RFC 6749 section 4.4;
 * OAuth 2.1 section 4.2): a confidential client ({@link ClientCredentials}, secret sent with HTTP Basic) asks the token
 * endpoint for scope {@value ClientCredentials#SERVICE_SCOPE}; the token ({@code role} {@code service}, ES256, the
 * platform's audience) is kept until a minute before it expires and then asked for again. The grant, the caching
 * and the expiry check are Spring Security's OAuth 2.0 client ({@link AuthorizedClientServiceOAuth2AuthorizedClientManager}
 * with {@link ClientCredentialsOAuth2AuthorizedClientProvider}); this class gives it a JDK HTTP client with timeouts.
 *
 * <p>Thread-safe. Two threads that find the token expired at the same moment may both ask for a new one; the last
 * answer is kept. Nothing is asked at construction: a service starts while its authorization server is down, and its
 * first call to another service asks.
 */
public final class ClientCredentialsTokens implements ServiceTokens {

    /** A token is asked for again this long before it expires. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final ClientCredentials client;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizeRequest request;

    /**
     * @param client a configured client ({@link ClientCredentials#configured()})
     * @param clock the clock the token's expiry is checked against
     * @throws IllegalArgumentException if the client is not configured or lacks an id or secret
     */
    public ClientCredentialsTokens(ClientCredentials client, InstantSource clock) {
        this.client = Objects.requireNonNull(client, "client");
        if (!client.configured()
                || client.clientId() == null
                || client.clientId().isBlank()
                || client.clientSecret() == null
                || client.clientSecret().isBlank()) {
            throw new IllegalArgumentException(
                    "a service client needs a token URI, a client id and a client secret, but was " + client);
        }
        ClientRegistration registration = ClientRegistration.withRegistrationId(client.clientId())
                .tokenUri(String.valueOf(client.tokenUri()))
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(client.scope())
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        RestClientClientCredentialsTokenResponseClient tokenEndpoint =
                new RestClientClientCredentialsTokenResponseClient();
        tokenEndpoint.setRestClient(tokenEndpointClient(client.timeout()));
        ClientCredentialsOAuth2AuthorizedClientProvider provider =
                new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokenEndpoint);
        provider.setClock(clock.withZone(ZoneOffset.UTC));
        provider.setClockSkew(RENEW_BEFORE_EXPIRY);
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
        this.manager.setAuthorizedClientProvider(provider);
        this.request = OAuth2AuthorizeRequest.withClientRegistrationId(client.clientId())
                .principal(client.clientId())
                .build();
    }

    /**
     * The RestClient Spring Security's token client builds by default (form in, token response or OAuth 2.0 error
     * out), on the JDK's HTTP client (HTTP/1.1) with connect and read timeouts: the default one has none.
     */
    private static RestClient tokenEndpointClient(Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build());
        requests.setReadTimeout(timeout);
        return RestClient.builder()
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    @Override
    public String current() {
        OAuth2AuthorizedClient authorized;
        try {
            authorized = manager.authorize(request);
        } catch (RuntimeException e) {
            throw new Unavailable(
                    "no token for " + client.clientId() + " from " + client.tokenUri() + ": " + e.getMessage(), e);
        }
        if (authorized == null) {
            throw new Unavailable("no token for " + client.clientId() + " from " + client.tokenUri(), null);
        }
        return authorized.getAccessToken().getTokenValue();
    }
}
