package io.ridemesh.dispatch.offer.application;

import io.ridemesh.dispatch.supply.domain.DriverId;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drivers' apps waiting for an offer (long poll of {@code GET /v1/drivers/me/offer?waitSeconds=N}) in this process, so
 * an offer placed by this process's matching window answers the waiting request at once instead of at the app's next
 * poll. An offer placed by another process of the region is seen when the wait times out (the request then re-reads
 * Redis), so the wait is a latency optimisation and never the only path. Thread-safe.
 */
public final class OfferWaiters {

    private static final Logger log = LoggerFactory.getLogger(OfferWaiters.class);

    private final ConcurrentHashMap<DriverId, Set<Runnable>> waiting = new ConcurrentHashMap<>();

    /**
     * Registers {@code wakeUp} to run once when an offer is placed for {@code driver}.
     *
     * @return a handle that removes the registration (call it when the request completes otherwise)
     */
    public Runnable await(DriverId driver, Runnable wakeUp) {
        Objects.requireNonNull(wakeUp, "wakeUp");
        waiting.computeIfAbsent(driver, d -> ConcurrentHashMap.newKeySet()).add(wakeUp);
        return () -> waiting.computeIfPresent(driver, (d, set) -> {
            set.remove(wakeUp);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Runs and forgets every registration of {@code driver}; called after an offer was placed for it. A failing
     * wake-up is logged and skipped: the waiting request then answers when its wait ends.
     */
    public void offerPlaced(DriverId driver) {
        Set<Runnable> woken = waiting.remove(driver);
        if (woken == null) {
            return;
        }
        for (Runnable wakeUp : woken) {
            try {
                wakeUp.run();
            } catch (RuntimeException e) {
                log.warn("could not answer the long poll of driver {} at once: {}", driver.value(), e.toString());
            }
        }
    }

    /** @return how many requests wait now (a gauge) */
    public int size() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }
}
