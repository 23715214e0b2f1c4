package io.ridemesh.dispatch.offer.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.dispatch.supply.domain.DriverId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Long polls waiting for an offer in this process. */
class OfferWaitersTest {

    final OfferWaiters waiters = new OfferWaiters();
    final DriverId d1 = new DriverId("d-1");
    final DriverId d2 = new DriverId("d-2");

    @Test
    void anOfferWakesOnlyItsDriversWaitersAndOnlyOnce() {
        AtomicInteger woken1 = new AtomicInteger();
        AtomicInteger woken2 = new AtomicInteger();
        waiters.await(d1, woken1::incrementAndGet);
        waiters.await(d2, woken2::incrementAndGet);

        waiters.offerPlaced(d1);
        waiters.offerPlaced(d1);

        assertThat(woken1).hasValue(1);
        assertThat(woken2).hasValue(0);
        assertThat(waiters.size()).isEqualTo(1);
    }

    @Test
    void aCancelledWaitIsNotWoken() {
        AtomicInteger woken = new AtomicInteger();
        Runnable cancel = waiters.await(d1, woken::incrementAndGet);
        cancel.run();
        waiters.offerPlaced(d1);
        assertThat(woken).hasValue(0);
        assertThat(waiters.size()).isZero();
    }

    @Test
    void aFailingWakeUpDoesNotStopTheOthers() {
        AtomicInteger woken = new AtomicInteger();
        waiters.await(d1, () -> {
            throw new IllegalStateException("redis down");
        });
        waiters.await(d1, woken::incrementAndGet);
        waiters.offerPlaced(d1);
        assertThat(woken).hasValue(1);
    }
}
