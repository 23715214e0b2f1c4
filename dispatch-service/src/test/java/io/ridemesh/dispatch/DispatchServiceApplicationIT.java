package io.ridemesh.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.matching.application.RideRequests;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.support.RedisProcess;
import io.ridemesh.testsupport.TestIssuer;
import io.ridemesh.testsupport.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service, as the launcher starts it, against a real redis-server, an in-memory database, a stub
 * order-service and no Kafka broker: it must start, report healthy (Kafka DEGRADED, still HTTP 200), and carry a
 * ride from request to accepted offer through its HTTP API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Close the app after this class: a cached context would keep its offer-expiry sweeper (system clock)
// running and reconnect it to whichever later test's redis-server reuses this class's freed port,
// expiring that test's offers.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DispatchServiceApplicationIT {

    static final RedisProcess REDIS = RedisProcess.start();
    static final List<String> ORDER_CALLS = new CopyOnWriteArrayList<>();
    static final HttpServer ORDER_SERVICE = orderServiceStub();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("SERVER_PORT", () -> "0");
        r.add("SPRING_DATASOURCE_URL", () -> "jdbc:h2:mem:dispatch;DB_CLOSE_DELAY=-1");
        r.add("SPRING_DATASOURCE_USERNAME", () -> "sa");
        r.add("SPRING_DATASOURCE_PASSWORD", () -> "");
        r.add("SPRING_DATA_REDIS_HOST", () -> "127.0.0.1");
        r.add("SPRING_DATA_REDIS_PORT", REDIS::port);
        r.add("SPRING_KAFKA_BOOTSTRAP_SERVERS", () -> "127.0.0.1:9"); // nothing listens there
        r.add("RIDEMESH_REGION_ID", () -> "1");
        r.add("RIDEMESH_REGION_NAME", () -> "a");
        // dispatch's own calls (assigning rides at order-service) with client credentials at the test issuer
        r.add("RIDEMESH_SERVICE_CLIENT_TOKEN_URI", () -> TestIssuer.shared().tokenUri());
        r.add("RIDEMESH_SERVICE_CLIENT_ID", () -> "dispatch-service");
        r.add("RIDEMESH_SERVICE_CLIENT_SECRET", () -> "test-secret-of-dispatch-service");
        r.add(
                "RIDEMESH_ORDER_SERVICE_URL",
                () -> "http://127.0.0.1:" + ORDER_SERVICE.getAddress().getPort());
        r.add("RIDEMESH_GATEWAY_URL", () -> "http://127.0.0.1:9"); // nothing listens there: no takeover
        r.add("dispatch.matching.window", () -> "100ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    RideRequests rideRequests;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void stop() {
        ORDER_SERVICE.stop(0);
        REDIS.close();
    }

    @Test
    void startsHealthyWithoutAKafkaBroker() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(health.body());
        assertThat(body.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(body.path("components").path("redis").path("status").asString())
                .isEqualTo("UP");
        assertThat(body.path("components").path("kafka").path("status").asString())
                .isEqualTo("DEGRADED");
    }

    @Test
    void carriesARideFromRequestToAcceptedOffer() throws Exception {
        String driver = token("driver-77", "driver");
        HttpResponse<String> online =
                send("POST", "/v1/drivers/me/online", driver, "{\"seats\": 3, \"lat\": 40.7590, \"lon\": -73.9845}");
        assertThat(online.statusCode()).as(online.body()).isEqualTo(200);
        assertThat(REDIS.template().opsForHash().values("supply:nyc:cells")).containsExactly("1");

        RideRequest ride = new RideRequest(
                777,
                1,
                new GeoPoint(40.7580, -73.9855),
                new GeoPoint(40.7061, -74.0087),
                Product.SOLO,
                1,
                Instant.now());
        assertThat(rideRequests.submit("evt-777", ride, Instant.now())).isEqualTo(RegisterOutcome.REGISTERED);

        HttpResponse<String> offer = await().atMost(Duration.ofSeconds(10))
                .until(() -> send("GET", "/v1/drivers/me/offer", driver, null), r -> r.statusCode() == 200);
        JsonNode view = json.readTree(offer.body());
        assertThat(view.path("rideId").asString()).isEqualTo("777");
        assertThat(view.path("status").asString()).isEqualTo("PENDING");
        assertThat(REDIS.template().opsForHash().values("supply:nyc:cells")).isEmpty();

        String offerId = view.path("offerId").asString();
        HttpResponse<String> accepted = send("POST", "/v1/offers/" + offerId + "/accept", driver, null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(json.readTree(accepted.body()).path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(ORDER_CALLS).containsExactly("POST /v1/rides/777/assign {\"driverId\":\"driver-77\"} service");

        HttpResponse<String> problem = send("POST", "/v1/drivers/me/offline", driver, null);
        assertThat(problem.statusCode()).isEqualTo(409);
        assertThat(problem.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(json.readTree(problem.body()).path("type").asString()).isEqualTo("urn:ridemesh:problem:driver-busy");
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String sub, String role) {
        return TestTokens.of(role, sub);
    }

    private static HttpServer orderServiceStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String role = "?";
                try {
                    String auth = exchange.getRequestHeaders().getFirst("Authorization");
                    role = SignedJWT.parse(auth.substring(7)).getJWTClaimsSet().getStringClaim("role");
                } catch (Exception e) {
                    role = "invalid";
                }
                ORDER_CALLS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " " + role);
                byte[] out = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
