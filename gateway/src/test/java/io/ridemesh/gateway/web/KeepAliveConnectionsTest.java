package io.ridemesh.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway's HTTP server (reactor-netty) keeps answering on a kept-alive connection after a request that arrived
 * while the previous one was still finishing. With reactor-netty 1.3.6 such a connection stopped reading for good
 * (reactor/reactor-netty#4361, fixed by #4347 in 1.3.8): the server never answered the next request on it, and a
 * browser that reused the connection waited until its own timeout. Seen as the failover console's sign-in hanging
 * in IdentityIT (a navigation or {@code console.js} never answered, 220 s, on a socket that had served 3-4 requests;
 * Chromium's net log).
 */
class KeepAliveConnectionsTest {

    private DisposableServer server;

    @BeforeEach
    void start() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> {
                    // the first answer comes late, so that the second request is queued behind it; the rest at once
                    Mono<String> body = request.uri().equals("/first")
                            ? Mono.delay(Duration.ofMillis(50)).thenReturn("first")
                            : Mono.just(request.uri().substring(1));
                    return response.sendString(body);
                })
                .bindNow(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.disposeNow();
    }

    @RepeatedTest(5)
    void aConnectionAnswersTheRequestAfterAQueuedOne() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // two requests in one write: the second arrives while the first is still being answered
            out.write((get("/first") + get("/second")).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readBody(in)).isEqualTo("first");
            assertThat(readBody(in)).isEqualTo("second");

            out.write(get("/third").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readBody(in)).as("the connection still reads requests").isEqualTo("third");
        }
    }

    private String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n";
    }

    /** One response's body (chunked or with a Content-Length); a read timeout fails the test. */
    private static String readBody(InputStream in) throws IOException {
        String head = readLine(in);
        assertThat(head).startsWith("HTTP/1.1 200");
        int length = -1;
        boolean chunked = false;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(readLine(in).trim(), 16);
                    size > 0;
                    size = Integer.parseInt(readLine(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
            readLine(in);
        } else {
            body.write(in.readNBytes(length));
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
