package io.ridemesh.order.ride.domain;

import static io.ridemesh.order.ride.domain.RideCommand.ARRIVE;
import static io.ridemesh.order.ride.domain.RideCommand.ASSIGN;
import static io.ridemesh.order.ride.domain.RideCommand.CANCEL_AS_DUPLICATE;
import static io.ridemesh.order.ride.domain.RideCommand.CANCEL_BY_RIDER;
import static io.ridemesh.order.ride.domain.RideCommand.COMPLETE;
import static io.ridemesh.order.ride.domain.RideCommand.RELEASE;
import static io.ridemesh.order.ride.domain.RideCommand.REPORT_NO_DRIVER;
import static io.ridemesh.order.ride.domain.RideCommand.REPORT_RIDER_NO_SHOW;
import static io.ridemesh.order.ride.domain.RideCommand.START;
import static io.ridemesh.order.ride.domain.RideStatus.CANCELLED_AS_DUPLICATE;
import static io.ridemesh.order.ride.domain.RideStatus.CANCELLED_BY_DRIVER;
import static io.ridemesh.order.ride.domain.RideStatus.CANCELLED_BY_RIDER;
import static io.ridemesh.order.ride.domain.RideStatus.COMPLETED;
import static io.ridemesh.order.ride.domain.RideStatus.DRIVER_ARRIVED;
import static io.ridemesh.order.ride.domain.RideStatus.DRIVER_ASSIGNED;
import static io.ridemesh.order.ride.domain.RideStatus.IN_PROGRESS;
import static io.ridemesh.order.ride.domain.RideStatus.NO_DRIVER_AVAILABLE;
import static io.ridemesh.order.ride.domain.RideStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ridemesh.order.support.RideFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status x every command: allowed commands reach their status with their event, repeats are no-ops, everything
 * else fails with {@link IllegalRideTransition} naming the current status and changes nothing.
 */
class RideLifecycleTest {

    /** Late enough that the free cancellation window and the no-show wait are over. */
    private static final Instant NOW = RideFixture.T0.plus(Duration.ofMinutes(30));

    private static final CancellationPolicy CANCELLATION =
            new CancellationPolicy(Duration.ofMinutes(2), Duration.ofMinutes(5), Map.of(1, 500L), 300);
    private static final RepricingPolicy REPRICING = new RepricingPolicy(25, 200);

    /** Marks a repeat: the command is accepted and changes nothing. */
    private static final RideStatus SAME = null;

    private static final Map<RideStatus, Map<RideCommand, RideStatus>> ALLOWED = new EnumMap<>(RideStatus.class);

    private static final Map<RideStatus, List<RideCommand>> REPEATS = new EnumMap<>(RideStatus.class);

    static {
        allow(REQUESTED, ASSIGN, DRIVER_ASSIGNED);
        allow(REQUESTED, CANCEL_BY_RIDER, CANCELLED_BY_RIDER);
        allow(REQUESTED, REPORT_NO_DRIVER, NO_DRIVER_AVAILABLE);
        repeat(DRIVER_ASSIGNED, ASSIGN);
        allow(DRIVER_ASSIGNED, ARRIVE, DRIVER_ARRIVED);
        allow(DRIVER_ASSIGNED, CANCEL_BY_RIDER, CANCELLED_BY_RIDER);
        allow(DRIVER_ASSIGNED, RELEASE, REQUESTED);
        repeat(DRIVER_ARRIVED, ARRIVE);
        allow(DRIVER_ARRIVED, START, IN_PROGRESS);
        allow(DRIVER_ARRIVED, CANCEL_BY_RIDER, CANCELLED_BY_RIDER);
        allow(DRIVER_ARRIVED, RELEASE, REQUESTED);
        allow(DRIVER_ARRIVED, REPORT_RIDER_NO_SHOW, CANCELLED_BY_DRIVER);
        repeat(IN_PROGRESS, START);
        allow(IN_PROGRESS, COMPLETE, COMPLETED);
        repeat(COMPLETED, COMPLETE);
        repeat(CANCELLED_BY_RIDER, CANCEL_BY_RIDER);
        repeat(CANCELLED_BY_DRIVER, REPORT_RIDER_NO_SHOW);
        repeat(NO_DRIVER_AVAILABLE, REPORT_NO_DRIVER);
        allow(REQUESTED, CANCEL_AS_DUPLICATE, CANCELLED_AS_DUPLICATE);
        allow(DRIVER_ASSIGNED, CANCEL_AS_DUPLICATE, CANCELLED_AS_DUPLICATE);
        allow(DRIVER_ARRIVED, CANCEL_AS_DUPLICATE, CANCELLED_AS_DUPLICATE);
        repeat(CANCELLED_AS_DUPLICATE, CANCEL_AS_DUPLICATE);
    }

    private static void allow(RideStatus from, RideCommand command, RideStatus to) {
        ALLOWED.computeIfAbsent(from, s -> new EnumMap<>(RideCommand.class)).put(command, to);
    }

    private static void repeat(RideStatus in, RideCommand command) {
        REPEATS.computeIfAbsent(in, s -> new ArrayList<>()).add(command);
    }

    static Stream<Arguments> everyStatusTimesEveryCommand() {
        return Stream.of(RideStatus.values())
                .flatMap(status -> Stream.of(RideCommand.values()).map(command -> Arguments.of(status, command)));
    }

    private static Transition run(Ride ride, RideCommand command) {
        DriverId driver = RideFixture.DRIVER;
        return switch (command) {
            case ASSIGN -> ride.assign(driver, NOW);
            case ARRIVE -> ride.arrive(driver, NOW);
            case START -> ride.start(driver, NOW);
            case COMPLETE -> ride.complete(driver, new TripActuals(7000, 1500), NOW, REPRICING);
            case CANCEL_BY_RIDER -> ride.cancelByRider(NOW, CANCELLATION);
            case RELEASE -> ride.release(driver, NOW);
            case REPORT_RIDER_NO_SHOW -> ride.reportRiderNoShow(driver, NOW, CANCELLATION);
            case REPORT_NO_DRIVER -> ride.markNoDriverAvailable(NOW);
            case CANCEL_AS_DUPLICATE -> ride.cancelAsDuplicate(NOW);
        };
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("everyStatusTimesEveryCommand")
    void appliesTheTransitionTable(RideStatus status, RideCommand command) {
        Ride ride = RideFixture.inStatus(status);
        RideStatus target = ALLOWED.getOrDefault(status, Map.of()).get(command);
        boolean isRepeat = REPEATS.getOrDefault(status, List.of()).contains(command);

        if (target != SAME) {
            Transition transition = run(ride, command);
            assertThat(transition.ride().status()).isEqualTo(target);
            assertThat(transition.changed()).isTrue();
            assertThat(transition.event()).isNotNull();
            assertThat(transition.event().rideId()).isEqualTo(ride.id());
            assertThat(transition.event().occurredAt()).isEqualTo(NOW);
            assertThat(transition.ride().updatedAt()).isEqualTo(NOW);
            assertThat(transition.ride().revision())
                    .as("the domain never touches the revision; the CAS is conditional on it")
                    .isEqualTo(ride.revision());
        } else if (isRepeat) {
            Transition transition = run(ride, command);
            assertThat(transition.changed()).isFalse();
            assertSame(ride, transition.ride());
        } else {
            assertThatThrownBy(() -> run(ride, command))
                    .isInstanceOfSatisfying(IllegalRideTransition.class, e -> {
                        assertThat(e.currentStatus()).isEqualTo(status);
                        assertThat(e.command()).isEqualTo(command);
                        assertThat(e.rideId()).isEqualTo(ride.id());
                    })
                    .hasMessageContaining("it is " + status + ",")
                    .hasMessageContaining(command.label());
        }
    }

    @Test
    void tableCoversEveryStatusAndEveryCommand() {
        assertThat(everyStatusTimesEveryCommand()).hasSize(RideStatus.values().length * RideCommand.values().length);
        assertThat(RideStatus.values()).hasSize(9);
        assertThat(RideCommand.values()).hasSize(9);
    }

    @Test
    void eachTransitionRaisesItsEvent() {
        assertThat(run(RideFixture.inStatus(REQUESTED), ASSIGN).event())
                .isInstanceOfSatisfying(DriverAssigned.class, e -> {
                    assertThat(e.driverId()).isEqualTo(RideFixture.DRIVER);
                    assertThat(e.byCommand()).isEqualTo(ASSIGN);
                });
        assertThat(run(RideFixture.inStatus(DRIVER_ASSIGNED), ARRIVE).event()).isInstanceOf(DriverArrived.class);
        assertThat(run(RideFixture.inStatus(DRIVER_ARRIVED), START).event()).isInstanceOf(RideStarted.class);
        assertThat(run(RideFixture.inStatus(IN_PROGRESS), COMPLETE).event()).isInstanceOf(RideCompleted.class);
        assertThat(run(RideFixture.inStatus(DRIVER_ASSIGNED), RELEASE).event()).isInstanceOf(DriverReleased.class);
        assertThat(run(RideFixture.inStatus(REQUESTED), REPORT_NO_DRIVER).event())
                .isInstanceOf(NoDriverAvailable.class);
        assertThat(run(RideFixture.inStatus(DRIVER_ARRIVED), REPORT_RIDER_NO_SHOW)
                        .event())
                .isInstanceOfSatisfying(RideCancelled.class, e -> {
                    assertThat(e.status()).isEqualTo(CANCELLED_BY_DRIVER);
                    assertThat(e.cancellationFeeCents()).isEqualTo(500);
                });
        assertThat(run(RideFixture.inStatus(REQUESTED), CANCEL_BY_RIDER).event())
                .isInstanceOfSatisfying(RideCancelled.class, e -> {
                    assertThat(e.status()).isEqualTo(CANCELLED_BY_RIDER);
                    assertThat(e.cancellationFeeCents()).isZero();
                });
    }

    @Test
    void eventTypesAreTheOutboxVocabulary() {
        assertThat(run(RideFixture.inStatus(REQUESTED), ASSIGN).event().type()).isEqualTo("DriverAssigned");
        assertThat(run(RideFixture.inStatus(IN_PROGRESS), COMPLETE).event().type())
                .isEqualTo("RideCompleted");
        assertThat(Ride.request(
                                RideFixture.newId(),
                                RideFixture.RIDER,
                                RideFixture.TRIP,
                                RideFixture.QUOTE,
                                new IdempotencyKey("k"),
                                "a".repeat(64),
                                NOW)
                        .event()
                        .type())
                .isEqualTo("RideRequested");
    }

    @Test
    void terminalStatusesAreExactlyTheFinishedOnes() {
        assertThat(Stream.of(RideStatus.values()).filter(RideStatus::isTerminal))
                .containsExactlyInAnyOrder(
                        COMPLETED,
                        CANCELLED_BY_RIDER,
                        CANCELLED_BY_DRIVER,
                        NO_DRIVER_AVAILABLE,
                        CANCELLED_AS_DUPLICATE);
    }

    @Test
    void assigningARideAnotherDriverHoldsNamesTheStatus() {
        Ride held = RideFixture.inStatus(DRIVER_ASSIGNED);

        assertThatThrownBy(() -> held.assign(RideFixture.OTHER_DRIVER, NOW))
                .isInstanceOf(IllegalRideTransition.class)
                .hasMessage("cannot assign ride " + held.id() + ": it is DRIVER_ASSIGNED, but assign needs REQUESTED");
    }

    @Test
    void onlyTheDriverHoldingTheRideMayDriveIt() {
        Ride held = RideFixture.inStatus(DRIVER_ASSIGNED);

        assertThatThrownBy(() -> held.arrive(RideFixture.OTHER_DRIVER, NOW))
                .isInstanceOf(IllegalRideTransition.class)
                .hasMessageContaining("it is DRIVER_ASSIGNED, and it is held by another driver");
        assertThatThrownBy(() -> held.release(RideFixture.OTHER_DRIVER, NOW)).isInstanceOf(IllegalRideTransition.class);
    }

    @Test
    void releaseClearsTheDriverAndGoesBackToRequested() {
        Ride arrived = RideFixture.inStatus(DRIVER_ARRIVED);

        Ride released = arrived.release(RideFixture.DRIVER, NOW).ride();

        assertThat(released.status()).isEqualTo(REQUESTED);
        assertThat(released.driverId()).isNull();
        assertThat(released.assignedAt()).isNull();
        assertThat(released.arrivedAt()).isNull();
        assertThat(released.assign(RideFixture.OTHER_DRIVER, NOW).ride().driverId())
                .isEqualTo(RideFixture.OTHER_DRIVER);
    }

    @Test
    void rejectsRiderNoShowBeforeTheWaitIsOver() {
        Ride arrived = RideFixture.inStatus(DRIVER_ARRIVED);
        Instant tooEarly = arrived.arrivedAt().plus(Duration.ofMinutes(4));

        assertThatThrownBy(() -> arrived.reportRiderNoShow(RideFixture.DRIVER, tooEarly, CANCELLATION))
                .isInstanceOfSatisfying(RiderNoShowTooEarly.class, e -> assertThat(e.allowedFrom())
                        .isEqualTo(arrived.arrivedAt().plus(Duration.ofMinutes(5))));
        assertThat(arrived.reportRiderNoShow(
                                RideFixture.DRIVER, arrived.arrivedAt().plus(Duration.ofMinutes(5)), CANCELLATION)
                        .ride()
                        .status())
                .isEqualTo(CANCELLED_BY_DRIVER);
    }

    @Test
    void completionStoresActualsAndFinalFare() {
        Ride done = RideFixture.inStatus(IN_PROGRESS)
                .complete(RideFixture.DRIVER, new TripActuals(14_000, 1500), NOW, REPRICING)
                .ride();

        assertThat(done.actuals()).isEqualTo(new TripActuals(14_000, 1500));
        assertThat(done.finalFareCents()).isEqualTo(4900);
    }

    @Test
    void requestStartsUnstoredAndRequested() {
        Transition requested = Ride.request(
                RideFixture.newId(),
                RideFixture.RIDER,
                RideFixture.TRIP,
                RideFixture.QUOTE,
                new IdempotencyKey("k-1"),
                "b".repeat(64),
                NOW);

        assertThat(requested.ride().status()).isEqualTo(REQUESTED);
        assertThat(requested.ride().revision()).isEqualTo(Revision.NEW);
        assertThat(requested.ride().unitId()).isEqualTo(1);
        assertThat(requested.event()).isInstanceOf(RideRequested.class);
    }

    @Test
    void rejectsInconsistentRides() {
        Ride assigned = RideFixture.inStatus(DRIVER_ASSIGNED);

        assertThatThrownBy(() -> new Ride(
                        assigned.id(),
                        assigned.riderId(),
                        null,
                        DRIVER_ASSIGNED,
                        assigned.trip(),
                        assigned.quote(),
                        null,
                        null,
                        assigned.idempotencyKey(),
                        assigned.requestHash(),
                        assigned.requestedAt(),
                        assigned.updatedAt(),
                        null,
                        null,
                        null,
                        assigned.revision()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("driverId must be set in status DRIVER_ASSIGNED, but was null");
    }

    @Test
    void aDuplicateIsWithdrawnWithoutAFeeEvenAfterTheFreeWindow() {
        Ride arrived = RideFixture.inStatus(DRIVER_ARRIVED);

        Transition transition = arrived.cancelAsDuplicate(NOW);

        assertThat(transition.ride().cancellationFeeCents()).isZero();
        assertThat(transition.event()).isInstanceOfSatisfying(RideCancelled.class, e -> {
            assertThat(e.cancellationFeeCents()).isZero();
            assertThat(e.driverId()).as("dispatch releases the driver").isEqualTo(RideFixture.DRIVER);
        });
        assertThat(arrived.cancelByRider(NOW, CANCELLATION).ride().cancellationFeeCents())
                .as("what the rider's own cancellation would cost")
                .isEqualTo(500L);
    }
}
