package io.ridemesh.infra.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Health probes, one per component kind. Each answers {@code null} when healthy, else a short
 * reason. Thread-safety: safe for concurrent use.
 */
final class Probes {

    /**
     * HTTP/1.1 only: the default (HTTP/2, offered as an {@code h2c} upgrade on plain HTTP) once left a probe waiting
     * for 10 minutes on a gateway connection whose answer failed to encode, its 2 s request timeout never firing.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500))
            .build();

    /** The longest a probe waits for an answer, whatever the client's own timeouts do. */
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(3);

    private Probes() {}

    static String mariadb(int port, String rootPassword) {
        try (Connection c = DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + port + "/?connectTimeout=1000", "root", rootPassword)) {
            return c.isValid(1) ? null : "not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** Redis answers {@code +PONG} to an inline {@code PING}. */
    static String redis(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[7];
            int n = in.readNBytes(buf, 0, 7);
            String reply = new String(buf, 0, n, StandardCharsets.US_ASCII);
            return reply.startsWith("+PONG") ? null : "unexpected reply " + reply.trim();
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** Kafka: the client listener accepts connections (the round trip is tested separately). */
    static String kafka(int port) {
        return Processes.listening(port) ? null : "port " + port + " not listening";
    }

    /** A Spring Boot service: {@code GET /actuator/health} answers 200. */
    static String http(int port) {
        return http(port, "/actuator/health");
    }

    /** An HTTP component: {@code GET path} answers 200. */
    static String http(int port, String path) {
        CompletableFuture<HttpResponse<String>> answer = HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = answer.get(PROBE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return response.statusCode() == 200 ? null : "health " + response.statusCode() + " " + response.body();
        } catch (TimeoutException e) {
            answer.cancel(true);
            return "no answer within " + PROBE_DEADLINE.toSeconds() + " s";
        } catch (ExecutionException e) {
            return "not answering: " + e.getCause().getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Calls a playground component's control API and answers the body of its 200 answer.
     *
     * @throws PlatformException if it does not answer in 5 s or answers anything but 200 (with its body)
     */
    static String call(int port, String method, String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                            .timeout(Duration.ofSeconds(5))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new PlatformException(method + " " + pathAndQuery + " on port " + port + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new PlatformException(method + " " + pathAndQuery + " on port " + port + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }
}
