package io.ridemesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.support.GatewayTestSupport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
        String raw = send(target, head + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");
        String statusLine = raw.lines().findFirst().orElse("");
        String lower = raw.toLowerCase(Locale.ROOT);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int bodyAt = raw.indexOf("\r\n\r\n") + 4;
        System.out.println("REJECTION " + listener + " " + name + " -> " + statusLine + " | "
                + lower.lines()
                        .filter(l -> l.startsWith("content-type"))
                        .findFirst()
                        .orElse("no content-type")
                + " | "
                + raw.substring(bodyAt, Math.min(raw.length(), bodyAt + 160)).replace("\n", " "));
        assertThat(status).as(raw).isBetween(400, 499);
        assertThat(lower).as(raw).contains("content-type: application/problem+json");
        assertThat(raw).as(raw).contains("\"status\":" + status);
    }

    private static String send(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes.write(buffer, 0, n);
                }
            } catch (java.net.SocketException e) {
                // the server closed after answering
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
