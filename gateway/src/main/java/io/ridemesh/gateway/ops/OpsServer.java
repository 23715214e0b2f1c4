package io.ridemesh.gateway.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * A second HTTP listener for operators, on {@code gateway.ops-server.port} with an event loop of its own. It serves
 * the same application (same security, same handlers) but only the operator's paths: {@code /ops/**}, {@code POST
 * /auth/token} and {@code /actuator/health/**}; anything else is 404.
 *
 * <p>Why: under app load beyond what the machine serves, the main listener's event loops hold long queues of app
 * requests, and an operator's evacuation waited behind them (the full demo on 2 cores: its calls went unanswered for 10
 * s nine times in a row, and the drill's RTO was 88 s). Requests on this listener are read and answered by its own
 * thread; their database work runs on Reactor's bounded-elastic threads as on the main port. This is the usual
 * separation of a control plane from the data plane it controls.
 *
 * <p>Thread-safe; started after and stopped before the main server by the application context.
 */
public final class OpsServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

    private final HttpHandler application;
    private final OpsServerProperties properties;
    private @Nullable LoopResources loops;
    private @Nullable WebServer server;

    /**
     * @param application the gateway's whole web application, as the main listener serves it
     */
    public OpsServer(HttpHandler application, OpsServerProperties properties) {
        this.application = Objects.requireNonNull(application, "application");
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    /** Whether {@code path} is served on the operator listener. */
    static boolean isOperatorPath(String path) {
        return path.equals("/ops")
                || path.startsWith("/ops/")
                || path.equals("/auth/token")
                || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/");
    }

    @Override
    public synchronized void start() {
        if (server != null || properties.port() == 0) {
            return;
        }
        LoopResources own = LoopResources.create("ops-http", 1, 1, true);
        NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory(properties.port());
        try {
            factory.setAddress(InetAddress.getByName(properties.address()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("gateway.ops-server.address is not an address: " + properties.address(), e);
        }
        factory.addServerCustomizers(http -> http.runOn(own));
        WebServer started = factory.getWebServer(this::handle);
        started.start();
        loops = own;
        server = started;
        log.info("operator listener on {}:{}", properties.address(), started.getPort());
    }

    /** The bound port, or -1 when not running. */
    public synchronized int port() {
        WebServer s = server;
        return s == null ? -1 : s.getPort();
    }

    private Mono<Void> handle(ServerHttpRequest request, ServerHttpResponse response) {
        if (isOperatorPath(request.getPath().pathWithinApplication().value())) {
            return application.handle(request, response);
        }
        response.setStatusCode(HttpStatus.NOT_FOUND);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"the operator"
                        + " port serves /ops/**, POST /auth/token and /actuator/health only; apps use the main port\","
                        + "\"instance\":\"" + jsonEscape(request.getPath().value()) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.getHeaders().set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public synchronized void stop() {
        WebServer s = server;
        LoopResources l = loops;
        server = null;
        loops = null;
        if (s != null) {
            s.stop();
        }
        if (l != null) {
            l.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
