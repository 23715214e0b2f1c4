package io.ridemesh.kit.platform;

import io.ridemesh.common.hlc.HybridLogicalClock;
import io.ridemesh.common.hlc.JdbcHlcStore;
import io.ridemesh.common.id.GlobalIdGenerator;
import java.time.Duration;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A service's hybrid logical clock and global id generator, wired the one way: both keep their durable upper bound
 * ({@code DurableUpperBound}) in the service's {@code hlc_high_water} table, the HLC under the node key, the ids under
 * {@code <node key>/ids}, through {@link #highWaterConnections unpooled connections}. Stateless; thread-safe.
 */
public final class ServiceClocks {

    private ServiceClocks() {}

    /**
     * The HLC of one service node.
     *
     * @param maxOffset the largest tolerated amount a remote timestamp may be ahead of the local clock
     * @param highWater where {@code hlc_high_water} lives ({@link #highWaterConnections})
     * @param nodeKey unique per running node, e.g. {@code gateway/node-1}
     * @throws RuntimeException whatever the store throws while loading and persisting the first bound
     */
    public static HybridLogicalClock hybridLogicalClock(
            InstantSource clock, Duration maxOffset, DataSource highWater, String nodeKey) {
        return HybridLogicalClock.create(clock, maxOffset, new JdbcHlcStore(highWater, nodeKey));
    }

    /**
     * The id generator of one service node; its (ms, sequence) bound is kept under {@code <nodeKey>/ids}, so a restart
     * after the wall clock stepped back cannot issue an id twice.
     *
     * @param regionId 0..15
     * @param nodeId 0..7, unique among the region's running generators
     * @throws RuntimeException whatever the store throws while loading and persisting the first bound
     */
    public static GlobalIdGenerator globalIdGenerator(
            int regionId, int nodeId, InstantSource clock, DataSource highWater, String nodeKey) {
        return GlobalIdGenerator.create(regionId, nodeId, clock, new JdbcHlcStore(highWater, nodeKey + "/ids"));
    }

    /**
     * Unpooled connections to the service's database ({@code spring.datasource.*}), or the pool itself on H2 (tests).
     * The bounds are persisted from inside request transactions that already hold pooled connections; a persist that
     * waited for the same pool deadlocked order-service under load (every connection held by a request waiting for
     * one more). A persist happens about twice a second, so a fresh connection each time costs little.
     */
    public static DataSource highWaterConnections(DataSource pool, Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.startsWith("jdbc:h2:")) {
            return pool;
        }
        return new DriverManagerDataSource(
                url,
                environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""));
    }
}
