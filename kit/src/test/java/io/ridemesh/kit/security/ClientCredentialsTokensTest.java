package io.ridemesh.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ridemesh.testsupport.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ClientCredentialsTokens} against a stub token endpoint (RFC 6749 section 4.4). */
class ClientCredentialsTokensTest {

    private static final String SECRET = "test-secret-of-dispatch-service-0123456789";

    /** What the stub received: the Authorization header and the form. */
    private record Received(String authorization, String form) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private volatile int status = 200;
    private HttpServer server;

    @BeforeEach
    void startTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/oauth2/token", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), form));
        String body = status == 200
                ? "{\"access_token\":\"token-" + issued.incrementAndGet()
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":600,\"scope\":\"service\"}"
                : "{\"error\":\"invalid_client\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private URI tokenUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/token");
    }

    private static ClientCredentials client(URI tokenUri) {
        return new ClientCredentials(tokenUri, "dispatch-service", SECRET, null, Duration.ofSeconds(2));
    }

    @Test
    void asksTheTokenEndpointOnceWithBasicAuthAndTheServiceScopeAndKeepsTheToken() {
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(client(tokenUri()), MutableClock.startingNow());

        assertThat(tokens.current()).isEqualTo("token-1");
        assertThat(tokens.current()).isEqualTo("token-1");

        assertThat(received).hasSize(1);
        Received request = received.getFirst();
        assertThat(request.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString(("dispatch-service:" + SECRET).getBytes(StandardCharsets.UTF_8)));
        String form = URLDecoder.decode(request.form(), StandardCharsets.UTF_8);
        assertThat(form).contains("grant_type=client_credentials").contains("scope=service");
    }

    @Test
    void asksAgainAMinuteBeforeTheTokenExpires() {
        MutableClock clock = MutableClock.startingNow();
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(client(tokenUri()), clock);
        assertThat(tokens.current()).isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(600)
                .minus(ClientCredentialsTokens.RENEW_BEFORE_EXPIRY)
                .minusSeconds(5));
        assertThat(tokens.current()).as("still a minute and more to go").isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(10));
        assertThat(tokens.current()).isEqualTo("token-2");
        assertThat(received).hasSize(2);
    }

    @Test
    void aRefusedClientIsUnavailableNamingTheServerAndTheError() {
        status = 401;
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(client(tokenUri()), MutableClock.startingNow());

        assertThatThrownBy(tokens::current)
                .isInstanceOf(ServiceTokens.Unavailable.class)
                .hasMessageContaining("dispatch-service")
                .hasMessageContaining(tokenUri().toString())
                .hasMessageContaining("invalid_client");
    }

    @Test
    void anAuthorizationServerThatIsDownIsUnavailableAndTheNextCallAsksAgain() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ClientCredentialsTokens tokens = new ClientCredentialsTokens(
                client(URI.create("http://127.0.0.1:" + closed + "/oauth2/token")), MutableClock.startingNow());

        assertThatThrownBy(tokens::current).isInstanceOf(ServiceTokens.Unavailable.class);
        assertThatThrownBy(tokens::current).isInstanceOf(ServiceTokens.Unavailable.class);
    }

    @Test
    void withoutAClientAServiceHasNoTokenAndWithOneItAsksTheServer() {
        MutableClock clock = MutableClock.startingNow();

        // no shared key to fall back on: its calls fail, naming what to configure
        assertThatThrownBy(() ->
                        ServiceTokens.forService("order-service", null, clock).current())
                .isInstanceOf(ServiceTokens.Unavailable.class)
                .hasMessageContaining("order-service has no client")
                .hasMessageContaining("RIDEMESH_SERVICE_CLIENT_TOKEN_URI");
        assertThatThrownBy(() -> ServiceTokens.forService(
                                "order-service", new ClientCredentials(URI.create(""), null, null, null, null), clock)
                        .current())
                .as("a blank token URI is no client")
                .isInstanceOf(ServiceTokens.Unavailable.class);
        assertThat(ServiceTokens.forService("order-service", client(tokenUri()), clock)
                        .current())
                .isEqualTo("token-1");
    }

    @Test
    void aClientWithoutSecretIsRefusedAtConstructionAndItsToStringHidesTheSecret() {
        assertThatThrownBy(() -> new ClientCredentialsTokens(
                        new ClientCredentials(tokenUri(), "dispatch-service", " ", null, null),
                        MutableClock.startingNow()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("client secret");
        assertThat(client(tokenUri()).toString()).doesNotContain(SECRET);
    }
}
