package io.ridemesh.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.testsupport.RawHttp;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Requests the framework refuses before any controller (Tomcat's parser, Spring Security's firewall, Spring MVC's
 * routing), sent raw over a socket to the real server: every answer is a 4xx with an RFC 9457 problem body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("wholeservice")
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
        String raw = RawHttp.exchange(port, head);
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        int status = RawHttp.status(raw);
        assertThat(status).as(raw).isBetween(400, 499);
        assertThat(lower).as(raw).contains("content-type: application/problem+json");
        assertThat(raw).as(raw).contains("\"status\":" + status);
    }
}
