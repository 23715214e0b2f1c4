package io.ridemesh.order.ride.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ridemesh.order.support.RideFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented cancellation fee and re-pricing rules. */
class FeesAndFaresTest {

    private static final CancellationPolicy CANCELLATION =
            new CancellationPolicy(Duration.ofMinutes(2), Duration.ofMinutes(5), Map.of(1, 500L), 300);

    @Test
    void cancellingWhileRequestedIsFree() {
        Ride ride = RideFixture.inStatus(RideStatus.REQUESTED);

        assertThat(CANCELLATION.riderCancellationFeeCents(ride, RideFixture.T0.plus(Duration.ofHours(1))))
                .isZero();
    }

    @Test
    void cancellingWithinTheFreeWindowAfterAssignmentIsFree() {
        Ride ride = RideFixture.inStatus(RideStatus.DRIVER_ASSIGNED);
        Instant assigned = ride.assignedAt();

        assertThat(CANCELLATION.riderCancellationFeeCents(ride, assigned.plus(Duration.ofMinutes(2))))
                .isZero();
        assertThat(CANCELLATION.riderCancellationFeeCents(
                        ride, assigned.plus(Duration.ofMinutes(2).plusMillis(1))))
                .isEqualTo(500);
    }

    @Test
    void cancellingAfterTheDriverArrivedCostsTheFee() {
        Ride ride = RideFixture.inStatus(RideStatus.DRIVER_ARRIVED);

        assertThat(CANCELLATION.riderCancellationFeeCents(ride, ride.arrivedAt()))
                .isEqualTo(500);
    }

    @Test
    void unlistedUnitsPayTheDefaultFeeAndFeesNeverExceedTheFare() {
        assertThat(CANCELLATION.unitFeeCents(2)).isEqualTo(300);
        CancellationPolicy steep = new CancellationPolicy(Duration.ZERO, Duration.ZERO, Map.of(1, 100_000L), 0);
        Ride ride = RideFixture.inStatus(RideStatus.DRIVER_ARRIVED);

        assertThat(steep.riderNoShowFeeCents(ride)).isEqualTo(ride.quote().fareCents());
    }

    @Test
    void riderCannotBeChargedForCancellingFromOtherStatuses() {
        assertThatThrownBy(() -> CANCELLATION.riderCancellationFeeCents(
                        RideFixture.inStatus(RideStatus.IN_PROGRESS), RideFixture.T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IN_PROGRESS");
    }

    @ParameterizedTest(name = "quoted 2450c/7000m/1500s, actual {0}m/{1}s -> {2}c repriced={3}")
    @CsvSource({
        // within +-25%: the quoted fare stands
        "7000, 1500, 2450, false",
        "8750, 1875, 2450, false", // exactly +25% on both
        "5250, 1125, 2450, false", // exactly -25% on both
        "5000, 1800, 2450, false", // shorter distance, duration +20%: the larger ratio (1.2) decides
        // beyond: pro rata on the larger ratio
        "8751, 1500, 3063, true", // distance +25.01%: 2450 * 8751/7000 = 3062.82 -> 3063
        "7000, 2100, 3430, true", // duration +40%
        "14000, 1500, 4900, true", // distance x2
        "7000, 6000, 4900, true", // duration x4, capped at 200%
        "2333, 500, 817, true", // both about a third: the larger ratio 500/1500 gives 2450 / 3 = 816.67 -> 817
        "0, 0, 0, true" // ended at once
    })
    void repricesOnlyBeyondTheThreshold(long distance, long duration, long expectedCents, boolean repriced) {
        RepricingPolicy policy = new RepricingPolicy(25, 200);

        RepricingPolicy.FinalFare fare = policy.finalFare(RideFixture.QUOTE, new TripActuals(distance, duration));

        assertThat(fare.fareCents()).isEqualTo(expectedCents);
        assertThat(fare.repriced()).isEqualTo(repriced);
    }

    @Test
    void aZeroEstimateLeavesThatDimensionOut() {
        RepricingPolicy policy = new RepricingPolicy(25, 200);
        Quote noDistance = new Quote("q", 1000, "USD", 0, 600);

        assertThat(policy.finalFare(noDistance, new TripActuals(50_000, 600)))
                .isEqualTo(new RepricingPolicy.FinalFare(1000, false));
        assertThat(policy.finalFare(new Quote("q", 1000, "USD", 0, 0), new TripActuals(50_000, 9000)))
                .isEqualTo(new RepricingPolicy.FinalFare(1000, false));
    }

    @Test
    void policiesRejectNonsense() {
        assertThatThrownBy(() -> new RepricingPolicy(101, 200))
                .hasMessage("thresholdPercent must be in 0..100, but was 101");
        assertThatThrownBy(() -> new RepricingPolicy(25, 99)).hasMessage("maxFactorPercent must be >= 100, but was 99");
        assertThatThrownBy(() -> new CancellationPolicy(Duration.ofSeconds(-1), Duration.ZERO, Map.of(), 0))
                .hasMessage("freeWindow must be >= 0, but was PT-1S");
        assertThatThrownBy(() -> new CancellationPolicy(Duration.ZERO, Duration.ZERO, Map.of(1, -5L), 0))
                .hasMessage("fee of unit 1 must be >= 0 cents, but was -5");
    }
}
