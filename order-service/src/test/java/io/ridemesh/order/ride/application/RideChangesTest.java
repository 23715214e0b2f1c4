package io.ridemesh.order.ride.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.kit.security.Role;
import io.ridemesh.order.ride.domain.CancellationPolicy;
import io.ridemesh.order.ride.domain.Revision;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.StaleWrite;
import io.ridemesh.order.support.InMemoryRides;
import io.ridemesh.order.support.RideFixture;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** {@link RideChanges}: visibility, no-op repeats, and what a losing writer learns. */
class RideChangesTest {

    private static final CancellationPolicy POLICY =
            new CancellationPolicy(Duration.ofMinutes(2), Duration.ofMinutes(5), Map.of(), 500);

    private final InMemoryRides rides = new InMemoryRides();
    private final RideChanges changes = new RideChanges(rides, rides, TransactionOperations.withoutTransaction());
    private final Actor driver = new Actor(RideFixture.DRIVER.value(), Role.DRIVER);
    private final Actor otherDriver = new Actor(RideFixture.OTHER_DRIVER.value(), Role.DRIVER);

    @Test
    void writesTheRideAndItsEvent() {
        Ride stored = rides.insert(RideFixture.inStatus(RideStatus.REQUESTED).atRevision(Revision.NEW));

        Ride assigned = changes.change(stored.id(), driver, ride -> ride.assign(driver.asDriver(), RideFixture.T0));

        assertThat(assigned.revision().version()).isEqualTo(2);
        assertThat(rides.events()).hasSize(1);
    }

    @Test
    void aRepeatWritesNothing() {
        Ride held =
                rides.insert(RideFixture.inStatus(RideStatus.DRIVER_ASSIGNED).atRevision(Revision.NEW));

        Ride same = changes.change(held.id(), driver, ride -> ride.assign(driver.asDriver(), RideFixture.T0));

        assertThat(same).isEqualTo(held);
        assertThat(rides.events()).isEmpty();
    }

    @Test
    void ridesTheCallerMayNotSeeAreNotFound() {
        Ride held =
                rides.insert(RideFixture.inStatus(RideStatus.DRIVER_ASSIGNED).atRevision(Revision.NEW));
        Actor stranger = new Actor("someone-else", Role.RIDER);

        assertThatThrownBy(
                        () -> changes.change(held.id(), stranger, ride -> ride.cancelByRider(RideFixture.T0, POLICY)))
                .isInstanceOf(RideNotFound.class);
        assertThatThrownBy(() -> changes.change(
                        held.id(), otherDriver, ride -> ride.arrive(otherDriver.asDriver(), RideFixture.T0)))
                .isInstanceOf(RideNotFound.class);
    }

    @Test
    void aLoserWhoMayNotSeeTheWinnersRideLearnsOnlyItsStatus() {
        Ride open = rides.insert(RideFixture.inStatus(RideStatus.REQUESTED).atRevision(Revision.NEW));

        assertThatThrownBy(() -> changes.change(open.id(), otherDriver, ride -> {
                    // the other driver is assigned between our read and our write
                    rides.overwrite(
                            ride.assign(driver.asDriver(), RideFixture.T0).ride());
                    return ride.assign(otherDriver.asDriver(), RideFixture.T0);
                }))
                .isInstanceOfSatisfying(StaleWrite.class, e -> {
                    assertThat(e.currentStatus()).isEqualTo(RideStatus.DRIVER_ASSIGNED);
                    assertThat(e.currentVersion()).isEqualTo(2);
                    assertThat(e.current()).isNull();
                });
    }
}
