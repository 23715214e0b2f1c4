package io.ridemesh.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests the framework refuses before any controller (Tomcat's parser, Spring Security's firewall, Spring MVC's
 * routing), sent raw over a socket to the real server: every answer is a 4xx with an RFC 9457 problem body.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:pricing-raw;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "spring.datasource.username=sa",
            "spring.datasource.password=",
            "spring.data.redis.host=127.0.0.1",
            "spring.data.redis.port=1",
            "pricing.quote-signing-key=dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdC0=",
            "pricing.jwt-secret=" + PricingServiceApplicationTest.JWT_KEY,
        })
class FrameworkRejectionsTest {

    @LocalServerPort
    int port;

    static Stream<Arguments> rejections() {
        String longPath = "/v1/quotes/" + "a".repeat(70_000);
        String bigHeader = "X-Big: " + "b".repeat(70_000) + "\r\n";
        return Stream.of(
                Arguments.of("encoded dot-dot", "GET /v1/quotes/%2e%2e/x HTTP/1.1\r\n"),
                Arguments.of("encoded slash", "GET /v1/quotes/a%2Fb HTTP/1.1\r\n"),
                Arguments.of("encoded NUL", "GET /v1/quotes/a%00b HTTP/1.1\r\n"),
                Arguments.of("semicolon", "GET /v1/quotes/a;b=c HTTP/1.1\r\n"),
                Arguments.of("backslash", "GET /v1/quotes/a%5Cb HTTP/1.1\r\n"),
                Arguments.of("TRACE", "TRACE /v1/quotes HTTP/1.1\r\n"),
                Arguments.of("unknown method", "FROB /v1/quotes HTTP/1.1\r\n"),
                Arguments.of("non-ASCII header", "GET /v1/quotes/q1 HTTP/1.1\r\nX-Name: caf\u00e9\r\n"),
                Arguments.of("404", "GET /v1/nothing-here HTTP/1.1\r\n"),
                Arguments.of("405", "DELETE /actuator/health HTTP/1.1\r\n"),
                Arguments.of("URI too long", "GET " + longPath + " HTTP/1.1\r\n"),
                Arguments.of("headers too large", "GET /v1/quotes/q1 HTTP/1.1\r\n" + bigHeader),
                Arguments.of("bad request line", "GET /v1/quo tes HTTP/1.1\r\n"),
                Arguments.of("invalid character in path", "GET /v1/quotes/a{b HTTP/1.1\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void everyRejectionIsAProblem(String name, String head) throws Exception {
        String raw = send(head + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String statusLine = raw.lines().findFirst().orElse("");
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        System.out.println("REJECTION " + name + " -> " + statusLine + " | "
                + lower.lines()
                        .filter(l -> l.startsWith("content-type"))
                        .findFirst()
                        .orElse("no content-type") + " | "
                + raw.substring(raw.indexOf("\r\n\r\n") + 4)
                        .replace("\n", " ")
                        .substring(0, Math.min(160, raw.length() - raw.indexOf("\r\n\r\n") - 4)));
        assertThat(status).as(raw).isBetween(400, 499);
        assertThat(lower).as(raw).contains("content-type: application/problem+json");
        assertThat(raw).as(raw).contains("\"status\":" + status);
    }

    private String send(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
