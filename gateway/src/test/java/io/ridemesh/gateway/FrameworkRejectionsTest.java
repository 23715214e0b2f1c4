package io.ridemesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.support.GatewayTestSupport;
import io.ridemesh.testsupport.RawHttp;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the gateway's framework refuses before any route or handler (Netty's decoder, Spring Security's firewall,
 * WebFlux's routing), sent raw over a socket to the public port and to the operator listener: every answer is a 4xx
 * with an RFC 9457 problem body.
 */
class FrameworkRejectionsTest extends GatewayTestSupport {

    static Stream<Arguments> rejections() {
        String longPath = "/v1/rides/" + "a".repeat(70_000);
        String bigHeader = "X-Big: " + "b".repeat(70_000) + "\r\n";
        Stream<String[]> cases = Stream.of(
                new String[] {"encoded dot-dot", "GET /v1/rides/%2e%2e/x HTTP/1.1\r\n"},
                new String[] {"encoded slash", "GET /v1/rides/a%2Fb HTTP/1.1\r\n"},
                new String[] {"encoded NUL", "GET /v1/rides/a%00b HTTP/1.1\r\n"},
                new String[] {"semicolon", "GET /v1/rides/a;b=c HTTP/1.1\r\n"},
                new String[] {"backslash", "GET /v1/rides/a%5Cb HTTP/1.1\r\n"},
                new String[] {"TRACE", "TRACE /v1/rides HTTP/1.1\r\n"},
                new String[] {"unknown method", "FROB /v1/rides HTTP/1.1\r\n"},
                new String[] {"non-ASCII header", "GET /v1/rides HTTP/1.1\r\nX-Name: caf\u00e9\r\n"},
                new String[] {"404", "GET /v1/nothing-here HTTP/1.1\r\n"},
                new String[] {"URI too long", "GET " + longPath + " HTTP/1.1\r\n"},
                new String[] {"headers too large", "GET /v1/rides HTTP/1.1\r\n" + bigHeader},
                new String[] {"bad request line", "GET /v1/ri des HTTP/1.1\r\n"});
        return cases.flatMap(c -> Stream.of(Arguments.of("public", c[0], c[1]), Arguments.of("ops", c[0], c[1])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rejections")
    void everyRejectionIsAProblem(String listener, String name, String head) throws Exception {
        int target = listener.equals("public") ? port : OPS_PORT;
        String raw = RawHttp.exchange(target, head);
        String lower = raw.toLowerCase(Locale.ROOT);
        int status = RawHttp.status(raw);
        assertThat(status).as(raw).isBetween(400, 499);
        assertThat(lower).as(raw).contains("content-type: application/problem+json");
        assertThat(raw).as(raw).contains("\"status\":" + status);
    }
}
