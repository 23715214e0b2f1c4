package io.ridemesh.gateway;

import io.ridemesh.gateway.failover.application.RtoTracker;
import io.ridemesh.gateway.routing.application.RoutingTables;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The reload loop: every {@code gateway.routing.reload-interval} it re-reads the routing table and the drills awaiting
 * their first serve, on one dedicated thread (JDBC blocks; never on an event loop). A move made in any region thus
 * takes effect here within the interval after it has replicated. A failing read keeps the previous table; the error is
 * logged when it starts and when it ends, not on every tick. The first load runs before the gateway reports started.
 */
@Component
class GatewayLoops implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayLoops.class);

    private final RoutingTables tables;
    private final RtoTracker rto;
    private final Duration interval;
    private volatile @Nullable ScheduledExecutorService executor;
    private volatile boolean failing;

    GatewayLoops(RoutingTables tables, RtoTracker rto, GatewayProperties properties) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.rto = Objects.requireNonNull(rto, "rto");
        this.interval = properties.routing().reloadInterval();
    }

    @Override
    public void start() {
        reload();
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "routing-reload");
            t.setDaemon(true);
            return t;
        });
        ex.scheduleWithFixedDelay(this::reload, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = ex;
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        if (ex != null) {
            ex.shutdownNow();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void reload() {
        try {
            tables.refresh();
            rto.refresh();
            if (failing) {
                failing = false;
                log.info("routing table reload works again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("routing table reload failed, routing with the last table until it works: {}", e.toString());
            }
        }
    }
}
