package io.ridemesh.gateway.routing.application;

import io.ridemesh.gateway.routing.domain.RoutingTable;
import io.ridemesh.gateway.routing.domain.UnitHomes;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Holds the current {@link RoutingTable} snapshot. {@link #refresh()} re-reads {@code unit_home} (a caller schedules it
 * every {@code gateway.routing.reload-interval}, and failover calls it right after its own writes); a failed read keeps
 * the previous snapshot, so a database hiccup never stops routing, and counts the failure.
 *
 * <p>Thread-safety: {@link #current()} is a volatile read for any thread (the request path); {@link #refresh()} may be
 * called from several threads, each publishes a complete snapshot. Blocking: {@link #refresh()} does JDBC.
 */
public final class RoutingTables {

    private final UnitHomes homes;
    private final InstantSource clock;
    private volatile RoutingTable current = RoutingTable.empty();
    private final AtomicLong failedRefreshes = new AtomicLong();
    private volatile @Nullable String lastError;

    public RoutingTables(UnitHomes homes, InstantSource clock) {
        this.homes = Objects.requireNonNull(homes, "homes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The latest snapshot; {@link RoutingTable#empty()} until the first successful load. */
    public RoutingTable current() {
        return current;
    }

    /**
     * Re-reads the table and publishes it.
     *
     * @return the new snapshot
     * @throws RuntimeException what the {@link UnitHomes} adapter threw; the previous snapshot stays current
     */
    public RoutingTable refresh() {
        try {
            long now = clock.millis();
            RoutingTable table = new RoutingTable(homes.all(), now);
            current = table;
            lastError = null;
            return table;
        } catch (RuntimeException e) {
            failedRefreshes.incrementAndGet();
            lastError = e.toString();
            throw e;
        }
    }

    /** Failed refreshes since start. */
    public long failedRefreshes() {
        return failedRefreshes.get();
    }

    /** The error of the last refresh if it failed, else null. */
    public @Nullable String lastError() {
        return lastError;
    }
}
