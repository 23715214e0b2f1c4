package io.ridemesh.order.ride.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.order.support.RideFixture;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link DuplicateRides}: which ride of a duplicate group the rider keeps and which are withdrawn. */
class DuplicateRidesTest {

    private final IdempotencyKey key = new IdempotencyKey("key-" + UUID.randomUUID());

    private Ride ride(RideStatus status) {
        return RideFixture.inStatus(status, key);
    }

    @Test
    void twoWaitingRidesKeepTheEarlierOne() {
        Ride first = ride(RideStatus.REQUESTED);
        Ride second = ride(RideStatus.REQUESTED);

        DuplicateRides.Resolution r =
                DuplicateRides.resolve(List.of(second, first)).orElseThrow();

        assertThat(r.survivor()).isEqualTo(first);
        assertThat(r.withdrawn()).containsExactly(second);
    }

    @ParameterizedTest(name = "{0} survives over {1}")
    @CsvSource({
        "DRIVER_ASSIGNED, REQUESTED",
        "DRIVER_ARRIVED, DRIVER_ASSIGNED",
        "IN_PROGRESS, DRIVER_ARRIVED",
        "COMPLETED, DRIVER_ASSIGNED",
        "CANCELLED_BY_RIDER, DRIVER_ARRIVED",
        "REQUESTED, NO_DRIVER_AVAILABLE",
    })
    void theRideFurthestAlongSurvivesEvenIfCreatedLater(RideStatus later, RideStatus earlier) {
        Ride first = ride(earlier);
        Ride second = ride(later);

        var resolution = DuplicateRides.resolve(List.of(first, second));

        if (earlier == RideStatus.NO_DRIVER_AVAILABLE) {
            // nothing to withdraw: the earlier ride is over, the later one is the rider's live request
            assertThat(resolution).isEmpty();
        } else {
            assertThat(resolution.orElseThrow().survivor()).isEqualTo(second);
            assertThat(resolution.orElseThrow().withdrawn()).containsExactly(first);
        }
    }

    @Test
    void aTripInProgressOrOverIsNeverWithdrawn() {
        Ride inProgress = ride(RideStatus.IN_PROGRESS);
        Ride completed = ride(RideStatus.COMPLETED);

        assertThat(DuplicateRides.resolve(List.of(inProgress, completed))).isEmpty();
    }

    @Test
    void everyWaitingDuplicateOfALargerGroupIsWithdrawn() {
        Ride waiting = ride(RideStatus.REQUESTED);
        Ride assigned = ride(RideStatus.DRIVER_ASSIGNED);
        Ride arrived = ride(RideStatus.DRIVER_ARRIVED);
        Ride started = ride(RideStatus.IN_PROGRESS);

        DuplicateRides.Resolution r = DuplicateRides.resolve(List.of(arrived, started, waiting, assigned))
                .orElseThrow();

        assertThat(r.survivor()).isEqualTo(started);
        assertThat(r.withdrawn()).containsExactly(waiting, assigned, arrived);
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderTheRegionReadTheRows() {
        Ride a = ride(RideStatus.DRIVER_ASSIGNED);
        Ride b = ride(RideStatus.DRIVER_ASSIGNED);
        Ride c = ride(RideStatus.REQUESTED);

        assertThat(DuplicateRides.resolve(List.of(a, b, c)))
                .isEqualTo(DuplicateRides.resolve(List.of(c, b, a)))
                .isEqualTo(DuplicateRides.resolve(List.of(b, c, a)));
        assertThat(DuplicateRides.resolve(List.of(c, b, a)).orElseThrow().survivor())
                .isEqualTo(a);
    }

    @Test
    void aWithdrawnDuplicateNeverDecidesTheGroup() {
        Ride withdrawn = ride(RideStatus.CANCELLED_AS_DUPLICATE);
        Ride kept = ride(RideStatus.REQUESTED);

        assertThat(DuplicateRides.resolve(List.of(withdrawn, kept))).isEmpty();
    }

    @Test
    void aSingleRideIsNoGroup() {
        assertThat(DuplicateRides.resolve(List.of(ride(RideStatus.REQUESTED)))).isEmpty();
        assertThat(DuplicateRides.resolve(List.of())).isEmpty();
    }

    @Test
    void ridesOfDifferentKeysAreRejected() {
        Ride one = ride(RideStatus.REQUESTED);
        Ride other = RideFixture.inStatus(RideStatus.REQUESTED);

        assertThatThrownBy(() -> DuplicateRides.resolve(List.of(one, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Idempotency-Key");
    }
}
