package io.ridemesh.simulator.demo;

import static io.ridemesh.simulator.demo.Waits.backoff;
import static io.ridemesh.simulator.demo.Waits.later;

import com.fasterxml.jackson.databind.JsonNode;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.trip.Trip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The simulated driver apps. {@link #seed} makes one {@link Driver} per distinct taxi of the trips (synthetic ones
 * where a file has none), each starting at its first trip's pickup and going online {@code DRIVER_LEAD} (3 min, trip
 * time) before it. A driver is a small state machine ({@link DriverState}) run by the shared scheduler: log in, wait
 * for offers by long poll ({@value #OFFER_WAIT_SECONDS} s), accept, drive to the pickup for the offered ETA and along
 * the trip for its real duration (both divided by the speed-up), complete, and poll again; idle, it sends a fix every
 * {@code HEARTBEAT} (40 s); after its shift (end of its last trip in the file plus {@code SHIFT_TAIL}, trip time) it
 * goes offline. Failed calls are retried with {@link Waits#backoff}. What drivers are told goes to the {@link
 * RideLedger}; served writes go to the {@link RegionDrill} for its RTO.
 *
 * <p>Thread-safe: a driver's state is volatile and each driver's calls run one at a time; the collaborators are
 * thread-safe.
 */
final class Drivers {

    private static final Duration DRIVER_LEAD = Duration.ofMinutes(3);
    /** Pause before polling again after a failed offer poll (a successful long poll is renewed at once). */
    private static final Duration POLL = Duration.ofMillis(2000);
    /** Long-poll wait of the offer request: an idle driver sends one request per wait. */
    private static final int OFFER_WAIT_SECONDS = 55;
    /**
     * Attempts of a driver's accept that got no answer or a 5xx (an offer expires; the ride commands after it are
     * retried for as long as the run lasts, see {@code Driver#rideCommand}).
     */
    private static final int COMMAND_ATTEMPTS = 8;
    /** A driver stays online this long (trip time) after the end of its last trip in the file, then leaves. */
    private static final Duration SHIFT_TAIL = Duration.ofMinutes(10);
    /**
     * Location fix of an idle (parked) driver: inside dispatch's 60 s staleness limit, with room for queueing. A
     * moving driver's route goes as trail batches instead. (The offer long poll is the driver's heartbeat in
     * dispatch too; a demo without these fixes measured worse in this session, see the README.)
     */
    private static final Duration HEARTBEAT = Duration.ofSeconds(40);
    /** At most this many points in the trail batch a driver sends at the pickup and at the dropoff. */
    private static final int TRAIL_POINTS = 20;
    /** The ride commands by the status rank they acknowledge (see {@link RideLedger#acked}). */
    private static final List<String> RANKS = List.of("requested", "accept", "arrive", "start", "complete");

    /** A driver app's state: offline (not logged in), idle (waiting for offers) or busy (with a rider). */
    enum DriverState {
        OFFLINE,
        IDLE,
        BUSY
    }

    private final DemoRun.Options options;
    private final AppAccounts accounts;
    private final Mobile mobile;
    private final ScheduledExecutorService scheduler;
    private final ReplayClock clock;
    private final RideLedger ledger;
    private final RegionDrill drill;

    /**
     * @param options the speed-up (trip time to wall time) and whether the trips are a sample (no shifts then)
     * @param accounts the drivers' sessions (their access tokens), provisioned before the trip clock starts
     * @param mobile the apps' HTTP client
     * @param scheduler runs every driver's next step (log-in, poll, arrival, completion, fix)
     * @param clock trip time now and whether the run still lasts
     * @param ledger where matches, pickup ETAs, completions and acknowledged ride commands are counted
     * @param drill told of every ride command served, for the RTO seen by riders
     */
    Drivers(
            DemoRun.Options options,
            AppAccounts accounts,
            Mobile mobile,
            ScheduledExecutorService scheduler,
            ReplayClock clock,
            RideLedger ledger,
            RegionDrill drill) {
        this.options = options;
        this.accounts = accounts;
        this.mobile = mobile;
        this.scheduler = scheduler;
        this.clock = clock;
        this.ledger = ledger;
        this.drill = drill;
    }

    /**
     * One driver per distinct taxi id of the plan's trips (per unit), at its first trip's pickup, online {@code
     * DRIVER_LEAD} before that trip (trip time, not before zero); offline after its shift, unless the plan is a sample.
     * Sends nothing: the drivers' accounts and sessions are {@link AppAccounts#provision provisioned} next.
     */
    List<Driver> seed(ReplayPlan plan) {
        Map<String, Driver> byKey = new LinkedHashMap<>();
        Map<String, Duration> shiftEnds = new HashMap<>();
        int synthetic = 0;
        Map<Integer, Integer> tripsPerUnit = new HashMap<>();
        for (ReplayPlan.Planned p : plan.trips()) {
            tripsPerUnit.merge(p.unitId(), 1, Integer::sum);
        }
        for (ReplayPlan.Planned p : plan.trips()) {
            String key = p.trip().driverKey();
            if (key == null || key.isBlank()) {
                // no taxi id in the file: one synthetic driver per 3 trips of the unit
                int pool = Math.max(1, tripsPerUnit.get(p.unitId()) / 3);
                key = "u" + p.unitId() + "-driver-" + (synthetic++ % pool);
            }
            String id = "driver-" + Integer.toHexString(key.hashCode()) + "-" + p.unitId();
            Duration end = p.offset().plusSeconds(p.trip().durationSeconds()).plus(SHIFT_TAIL);
            shiftEnds.merge(id, end, (x, y) -> x.compareTo(y) >= 0 ? x : y);
            if (!byKey.containsKey(id)) {
                Duration online = p.offset().minus(DRIVER_LEAD);
                byKey.put(
                        id,
                        new Driver(
                                id,
                                p.unitId(),
                                p.trip().pickupLat(),
                                p.trip().pickupLon(),
                                online.isNegative() ? Duration.ZERO : online));
            }
        }
        // A sample (--limit) keeps only some trips of each taxi, so its shift in the sample is not the real one:
        // its drivers stay online to the end.
        if (options.limitPerFile() <= 0) {
            byKey.values().forEach(d -> d.offlineAt = shiftEnds.get(d.id));
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * One simulated driver app. Its methods run on the scheduler (or the HTTP client's callbacks); state is volatile.
     * It uses its {@link Drivers}' client, scheduler, clock, ledger and drill.
     */
    final class Driver {
        final String id;
        final int unitId;
        final Duration onlineAt;
        /** Trip time after which the driver goes offline once idle (end of its last trip in the file + a tail). */
        volatile Duration offlineAt = Duration.ofDays(1);

        volatile double lat;
        volatile double lon;
        volatile DriverState state = DriverState.OFFLINE;
        /** Consecutive failed log-ins and offer polls, for the back-off (each driver's calls run one at a time). */
        volatile int onlineFailures;

        volatile int pollFailures;

        Driver(String id, int unitId, double lat, double lon, Duration onlineAt) {
            this.id = id;
            this.unitId = unitId;
            this.lat = lat;
            this.lon = lon;
            this.onlineAt = onlineAt;
        }

        void goOnline() {
            if (!clock.running()) {
                return;
            }
            mobile.call(
                            "POST /v1/drivers/me/online",
                            "dispatch-service",
                            unitId,
                            "POST",
                            "/v1/drivers/me/online",
                            accounts.token(id),
                            Map.of("seats", 4, "lat", lat, "lon", lon),
                            Map.of())
                    .thenAccept(r -> {
                        if (r.ok()) {
                            onlineFailures = 0;
                            state = DriverState.IDLE;
                            scheduler.schedule(this::poll, POLL.toMillis(), TimeUnit.MILLISECONDS);
                            // the first fix at a random phase: drivers online together do not all send together
                            scheduler.schedule(
                                    this::heartbeat,
                                    ThreadLocalRandom.current()
                                            .nextLong(HEARTBEAT.toMillis() / 4, HEARTBEAT.toMillis()),
                                    TimeUnit.MILLISECONDS);
                        } else if (clock.running()) {
                            scheduler.schedule(
                                    this::goOnline, backoff(onlineFailures++).toMillis(), TimeUnit.MILLISECONDS);
                        }
                    });
        }

        /**
         * An idle driver's periodic fix. A driver with a rider sends its route as trail batches at the pickup
         * and at the dropoff instead ({@link #trail}): it is not in the available index meanwhile.
         */
        void heartbeat() {
            if (!clock.running() || state == DriverState.OFFLINE) {
                return;
            }
            if (state != DriverState.IDLE) {
                scheduler.schedule(this::heartbeat, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            Map<String, Object> fix = Map.of("lat", lat, "lon", lon, "ts", System.currentTimeMillis());
            mobile.call(
                            "POST /v1/drivers/me/locations",
                            "dispatch-service",
                            unitId,
                            "POST",
                            "/v1/drivers/me/locations",
                            accounts.token(id),
                            Map.of("points", List.of(fix)),
                            Map.of())
                    .thenAccept(r -> {
                        // the unit's new home region does not know this driver yet (after a failover)
                        if (r.status() == 409 && state == DriverState.IDLE) {
                            logInAgain();
                        }
                    });
            scheduler.schedule(this::heartbeat, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        }

        void poll() {
            if (!clock.running() || state != DriverState.IDLE) {
                return;
            }
            if (clock.tripTimeNow().compareTo(offlineAt) > 0) {
                goOffline();
                return;
            }
            mobile.call(
                            "GET /v1/drivers/me/offer (long poll)",
                            "dispatch-service",
                            unitId,
                            "GET",
                            "/v1/drivers/me/offer?waitSeconds=" + OFFER_WAIT_SECONDS,
                            accounts.token(id),
                            null,
                            Map.of())
                    .thenAccept(r -> {
                        if (r.status() == 200
                                && r.body() != null
                                && "PENDING".equals(r.body().path("status").asText())) {
                            pollFailures = 0;
                            accept(r.body());
                        } else if (r.status() == 204) {
                            pollFailures = 0;
                            poll();
                        } else if (r.status() == 409 && state == DriverState.IDLE) {
                            pollFailures = 0;
                            logInAgain();
                        } else {
                            scheduler.schedule(
                                    this::poll, backoff(pollFailures++).toMillis(), TimeUnit.MILLISECONDS);
                        }
                    });
        }

        /**
         * The region serving the driver's unit does not know this driver as online (409: after a failover, or swept):
         * the app logs in there again.
         */
        void logInAgain() {
            state = DriverState.OFFLINE;
            goOnline();
        }

        /** The run is over: the app stops where it is, without a call. */
        void stop() {
            state = DriverState.OFFLINE;
        }

        /** End of shift: the app goes offline and stops. */
        void goOffline() {
            state = DriverState.OFFLINE;
            mobile.call(
                    "POST /v1/drivers/me/offline",
                    "dispatch-service",
                    unitId,
                    "POST",
                    "/v1/drivers/me/offline",
                    accounts.token(id),
                    Map.of(),
                    Map.of());
        }

        void accept(JsonNode offer) {
            accept(offer, COMMAND_ATTEMPTS);
        }

        /** Accepts the offer; retried on no answer or a 5xx (accepting is idempotent). */
        void accept(JsonNode offer, int attemptsLeft) {
            String offerId = offer.path("offerId").asText();
            long offerUnit = GlobalIdGenerator.unitOf(Long.parseLong(offerId));
            mobile.call(
                            "POST /v1/offers/{id}/accept",
                            "dispatch-service",
                            (int) offerUnit,
                            "POST",
                            "/v1/offers/" + offerId + "/accept",
                            accounts.token(id),
                            Map.of(),
                            Map.of())
                    .thenAccept(r -> {
                        if ((r.status() == -1 || r.status() >= 500) && attemptsLeft > 1 && clock.running()) {
                            scheduler.schedule(
                                    () -> accept(offer, attemptsLeft - 1),
                                    backoff(COMMAND_ATTEMPTS - attemptsLeft).toMillis(),
                                    TimeUnit.MILLISECONDS);
                            return;
                        }
                        if (!r.ok()) {
                            scheduler.schedule(this::poll, POLL.toMillis(), TimeUnit.MILLISECONDS);
                            return;
                        }
                        state = DriverState.BUSY;
                        ledger.matched(offer.path("rideId").asText());
                        ledger.acked(offer.path("rideId").asText(), RANKS.indexOf("accept"));
                        long eta = offer.path("pickupEtaSeconds").asLong(0);
                        ledger.pickupEta(eta);
                        String rideId = offer.path("rideId").asText();
                        long driveMs = Math.max(200, (long) (eta * 1000 / options.speed()));
                        scheduler.schedule(() -> arrive(rideId, offer, driveMs), driveMs, TimeUnit.MILLISECONDS);
                    });
        }

        void arrive(String rideId, JsonNode offer, long driveMs) {
            int unit = GlobalIdGenerator.unitOf(Long.parseLong(rideId));
            double fromLat = lat;
            double fromLon = lon;
            lat = offer.path("pickup").path("lat").asDouble(lat);
            lon = offer.path("pickup").path("lon").asDouble(lon);
            trail(fromLat, fromLon, driveMs);
            rideCommand("arrive", rideId, unit, Map.of())
                    .thenCompose(r -> rideCommand("start", rideId, unit, Map.of()))
                    .thenAccept(r -> {
                        Trip trip = ledger.trip(rideId);
                        long seconds = trip == null ? 600 : trip.durationSeconds();
                        long metres = trip == null ? 3000 : trip.distanceMetres();
                        scheduler.schedule(
                                () -> complete(rideId, unit, offer, seconds, metres),
                                Math.max(200, (long) (seconds * 1000 / options.speed())),
                                TimeUnit.MILLISECONDS);
                    });
        }

        void complete(String rideId, int unit, JsonNode offer, long seconds, long metres) {
            rideCommand(
                            "complete",
                            rideId,
                            unit,
                            Map.of("actualDistanceMetres", metres, "actualDurationSeconds", seconds))
                    .thenAccept(r -> {
                        if (r.ok()) {
                            ledger.completed(rideId);
                        }
                        double fromLat = lat;
                        double fromLon = lon;
                        lat = offer.path("dropoff").path("lat").asDouble(lat);
                        lon = offer.path("dropoff").path("lon").asDouble(lon);
                        state = DriverState.IDLE;
                        trail(fromLat, fromLon, (long) (seconds * 1000 / options.speed()));
                        scheduler.schedule(this::poll, POLL.toMillis(), TimeUnit.MILLISECONDS);
                    });
        }

        /**
         * One batch of the route just driven, from ({@code fromLat}, {@code fromLon}) to the current position,
         * over the last {@code driveMs} ms: a straight line, one point per second of wall time, at most
         * {@value #TRAIL_POINTS}; the last point is the current position, now.
         */
        private void trail(double fromLat, double fromLon, long driveMs) {
            long now = System.currentTimeMillis();
            int n = (int) Math.max(1, Math.min(TRAIL_POINTS, driveMs / 1000));
            List<Map<String, Object>> points = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                double f = (double) i / n;
                points.add(Map.of(
                        "lat", fromLat + (lat - fromLat) * f,
                        "lon", fromLon + (lon - fromLon) * f,
                        "ts", now - (long) (driveMs * (1 - f))));
            }
            mobile.call(
                    "POST /v1/drivers/me/locations",
                    "dispatch-service",
                    unitId,
                    "POST",
                    "/v1/drivers/me/locations",
                    accounts.token(id),
                    Map.of("points", points),
                    Map.of());
        }

        /**
         * A driver's ride command (arrive, start, complete), retried with back-off for as long as the run lasts when no
         * answer or a 5xx came back: a driver app keeps a trip's commands queued until the platform takes them, as it
         * does offline, instead of leaving the ride open for good (the commands are idempotent by state: a repeated one
         * answers 409 naming the state it already reached).
         */
        private CompletableFuture<Mobile.Response> rideCommand(
                String command, String rideId, int unit, Map<String, Object> body) {
            return rideCommand(command, rideId, unit, body, 0);
        }

        private CompletableFuture<Mobile.Response> rideCommand(
                String command, String rideId, int unit, Map<String, Object> body, int failures) {
            long sentAtMs = System.currentTimeMillis();
            return mobile.call(
                            "POST /v1/rides/{id}/" + command,
                            "order-service",
                            unit,
                            "POST",
                            "/v1/rides/" + rideId + "/" + command,
                            accounts.token(id),
                            body,
                            Map.of())
                    .thenCompose(r -> {
                        if (r.ok()) {
                            ledger.acked(rideId, RANKS.indexOf(command));
                            drill.servedAfterKill(unit, sentAtMs);
                        }
                        if ((r.status() == -1 || r.status() >= 500) && clock.running()) {
                            return later(backoff(failures))
                                    .thenCompose(x -> rideCommand(command, rideId, unit, body, failures + 1));
                        }
                        return CompletableFuture.completedFuture(r);
                    });
        }
    }
}
