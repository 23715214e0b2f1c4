package io.ridemesh.gateway.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.HttpHandler;
import reactor.netty.resources.LoopResources;

/**
 * A second HTTP listener for operators, on {@code gateway.ops-server.port} with an event loop of its own. It serves
 * the same application (same security, same handlers); {@link OperatorPortFilter} limits it to the operator's paths.
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
    private final NettyServerCustomizer listenerCustomizer;
    private @Nullable LoopResources loops;
    private @Nullable WebServer server;

    /**
     * @param application the gateway's whole web application, as the main listener serves it
     * @param listenerCustomizer applied to this listener as the main one's customizers are to it (problem bodies for
     *     Netty's own refusals)
     */
    public OpsServer(
            HttpHandler application, OpsServerProperties properties, NettyServerCustomizer listenerCustomizer) {
        this.application = Objects.requireNonNull(application, "application");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.listenerCustomizer = Objects.requireNonNull(listenerCustomizer, "listenerCustomizer");
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
        factory.addServerCustomizers(http -> listenerCustomizer.apply(http.runOn(own)));
        WebServer started = factory.getWebServer(application);
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
