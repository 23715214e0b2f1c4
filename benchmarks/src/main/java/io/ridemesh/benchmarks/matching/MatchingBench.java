package io.ridemesh.benchmarks.matching;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.geo.H3CellIndex;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.matching.application.MatchWindow;
import io.ridemesh.dispatch.matching.application.MatchingSettings;
import io.ridemesh.dispatch.matching.application.RegisterRideRequest;
import io.ridemesh.dispatch.matching.application.WindowReport;
import io.ridemesh.dispatch.matching.domain.AssignmentSolver;
import io.ridemesh.dispatch.matching.domain.EtaModel;
import io.ridemesh.dispatch.matching.domain.GreedyNearestFirst;
import io.ridemesh.dispatch.matching.domain.Matcher;
import io.ridemesh.dispatch.matching.domain.OrToolsAssignment;
import io.ridemesh.dispatch.matching.domain.PendingRides;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.matching.persistence.RedisPendingRides;
import io.ridemesh.dispatch.offer.domain.AssignOutcome;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.offer.domain.RideAssignments;
import io.ridemesh.dispatch.offer.persistence.RedisOffers;
import io.ridemesh.dispatch.supply.application.DriverPlacements;
import io.ridemesh.dispatch.supply.application.GoOnline;
import io.ridemesh.dispatch.supply.application.SupplySettings;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import io.ridemesh.dispatch.supply.persistence.RedisDriverSupply;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./platform bench matching}: the time of one matching window, {@link MatchWindow#run}, of N ride requests
 * against N available drivers in NYC, in ms.
 *
 * <p>Drivers and pickups are uniform random points in a Manhattan bounding box (seeded). The window runs through the
 * real adapters ({@link RedisPendingRides}, {@link RedisDriverSupply}, {@link RedisOffers}) on a real Redis with a
 * stub order-service, so the timed part is all of a window: reading the queue, one GEOSEARCH script per ride, the cost
 * matrix, the solver, and placing the offers. The settings are production's except that one window takes all N rides
 * ({@code maxRidesPerWindow = N}). Each window, warm-up or timed, starts from an empty database (FLUSHDB) with fresh
 * drivers and rides. Prints a table (with the Redis and solver shares of a window), then one line of JSON: p50
 * and max per size.
 *
 * <p>No Spring context: the launcher starts it from dispatch-service's executable jar with {@code -Dloader.main}. Not
 * thread-safe; one run per JVM.
 */
@Command(
        name = "matching-bench",
        mixinStandardHelpOptions = true,
        description = "Time of one matching window of N rides x N drivers on a Redis of its own (flushed before every"
                + " window); ends with one line of JSON.")
public final class MatchingBench implements Callable<Integer> {

    // Manhattan, roughly: Battery to Inwood
    private static final double LAT_MIN = 40.70;
    private static final double LAT_MAX = 40.88;
    private static final double LON_MIN = -74.02;
    private static final double LON_MAX = -73.93;

    @Option(names = "--redis-host", defaultValue = "127.0.0.1", description = "Redis host (default ${DEFAULT-VALUE}).")
    String redisHost;

    @Option(
            names = "--redis-port",
            required = true,
            description = "Port of a Redis used by nothing else: it must be empty and is flushed before every window.")
    int redisPort;

    @Option(names = "--sizes", split = ",", defaultValue = "300,2000", description = "N of the N x N windows.")
    List<Integer> sizes;

    @Option(names = "--repeat", defaultValue = "20", description = "Timed windows per size (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--warmup",
            defaultValue = "3",
            description = "Untimed windows per size first, for the JIT (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--candidates",
            defaultValue = "10",
            description = "Nearest drivers searched per ride (default ${DEFAULT-VALUE}, as dispatch.matching).")
    int candidatesPerRide;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the positions (default ${DEFAULT-VALUE}).")
    long seed;

    private final boolean terminal = System.console() != null;
    private long lastProgress;

    public static void main(String[] args) {
        quietLogs();
        System.exit(new CommandLine(new MatchingBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (repeat < 1 || warmup < 0 || sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1 || n > 5000)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "need --repeat >= 1, --warmup >= 0 and --sizes in 1..5000");
        }
        LettuceConnectionFactory factory =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration(redisHost, redisPort));
        factory.afterPropertiesSet();
        factory.start();
        try {
            StringRedisTemplate redis = new StringRedisTemplate(factory);
            Long keys =
                    redis.execute((RedisCallback<Long>) c -> c.serverCommands().dbSize());
            if (keys == null || keys != 0) {
                System.err.println("error: Redis " + redisHost + ":" + redisPort + " holds " + keys
                        + " keys; the benchmark flushes its database, so it needs an empty one of its own");
                return 2;
            }
            AssignmentSolver solver =
                    OrToolsAssignment.load().map(s -> (AssignmentSolver) s).orElseGet(GreedyNearestFirst::new);
            List<Result> results = new ArrayList<>();
            for (int n : sizes) {
                results.add(measure(redis, solver, n));
            }
            if (terminal) {
                System.err.println();
            }
            print(results, solver.name());
            return 0;
        } finally {
            factory.destroy();
        }
    }

    private Result measure(StringRedisTemplate redis, AssignmentSolver solver, int n) {
        InstantSource clock = InstantSource.system();
        UnitMap units = UnitMap.standard();
        UnitDefinition nyc = units.byCode("nyc").orElseThrow();
        SupplySettings supplySettings =
                new SupplySettings(8, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(10), 500);
        MatchingSettings settings = new MatchingSettings(
                5000,
                candidatesPerRide,
                n,
                30,
                Duration.ofSeconds(15),
                supplySettings.staleAfter(),
                Duration.ofHours(2),
                Duration.ofDays(7),
                Duration.ofMinutes(10));
        RedisPendingRides pending = new RedisPendingRides(redis);
        RedisDriverSupply supply = new RedisDriverSupply(redis);
        GoOnline goOnline =
                new GoOnline(supply, new DriverPlacements(units, H3CellIndex.load(), 8), supplySettings, clock);
        RegisterRideRequest register = new RegisterRideRequest(pending, units, settings, clock);
        LongAdder redisNanos = new LongAdder();
        LongAdder solverNanos = new LongAdder();
        MatchWindow window = new MatchWindow(
                timed(PendingRides.class, pending, redisNanos),
                timed(DriverSupply.class, supply, redisNanos),
                timed(Offers.class, new RedisOffers(redis, Duration.ofHours(1)), redisNanos),
                new NoOrderService(),
                new Matcher(
                        new EtaModel(1.3, 5.0),
                        timed(AssignmentSolver.class, solver, solverNanos),
                        Duration.ofMinutes(15)),
                GlobalIdGenerator.create(1, 0, clock),
                settings,
                clock);

        double[] windowMs = new double[repeat];
        double[] redisMs = new double[repeat];
        double[] solveMs = new double[repeat];
        long candidates = 0;
        long offered = 0;
        long unmatched = 0;
        for (int r = -warmup; r < repeat; r++) {
            redis.execute((RedisCallback<Void>) c -> {
                c.serverCommands().flushDb();
                return null;
            });
            Random random = new Random(seed * 1_000_003L + n * 1_009L + r);
            for (int d = 0; d < n; d++) {
                goOnline.online(new DriverId("bench-driver-" + d), 4, point(random));
            }
            Instant now = clock.instant();
            for (int i = 1; i <= n; i++) {
                RideRequest ride = new RideRequest(i, nyc.id(), point(random), point(random), Product.SOLO, 1, now);
                RegisterOutcome outcome = register.submit("bench-event-" + i, ride, now);
                if (outcome != RegisterOutcome.REGISTERED) {
                    throw new IllegalStateException("ride " + i + " not queued: " + outcome);
                }
            }
            redisNanos.reset();
            solverNanos.reset();
            long start = System.nanoTime();
            WindowReport report = window.run(nyc);
            double ms = (System.nanoTime() - start) / 1e6;
            if (report.rides() != n) {
                throw new IllegalStateException("the window took " + report.rides() + " of " + n + " rides");
            }
            String which = r < 0 ? "warm-up " + (r + warmup + 1) + "/" + warmup : "window " + (r + 1) + "/" + repeat;
            progress(String.format("%d x %d, %s: %.1f ms", n, n, which, ms));
            if (r >= 0) {
                windowMs[r] = ms;
                redisMs[r] = redisNanos.sum() / 1e6;
                solveMs[r] = solverNanos.sum() / 1e6;
                candidates += report.candidates();
                offered += report.offered();
                unmatched += report.unmatched();
            }
        }
        Arrays.sort(windowMs);
        Arrays.sort(redisMs);
        Arrays.sort(solveMs);
        return new Result(
                n,
                median(windowMs),
                windowMs[repeat - 1],
                windowMs[0],
                median(redisMs),
                median(solveMs),
                candidates / (double) repeat,
                offered / (double) repeat,
                unmatched / (double) repeat);
    }

    private void print(List<Result> results, String solverName) {
        System.out.printf(
                "%-13s %7s %8s %8s %8s %12s %13s %11s %9s %10s%n",
                "window",
                "windows",
                "p50 ms",
                "max ms",
                "min ms",
                "Redis p50 ms",
                "solver p50 ms",
                "candidates",
                "offered",
                "unmatched");
        Map<String, Object> json = new LinkedHashMap<>();
        for (Result r : results) {
            System.out.printf(
                    "%-13s %7d %8.1f %8.1f %8.1f %12.1f %13.1f %11.0f %9.0f %10.0f%n",
                    r.n + " x " + r.n,
                    repeat,
                    r.p50Ms,
                    r.maxMs,
                    r.minMs,
                    r.redisP50Ms,
                    r.solverP50Ms,
                    r.candidates,
                    r.offered,
                    r.unmatched);
            json.put("match_" + r.n + "_ms", round(r.p50Ms));
            json.put("match_" + r.n + "_max_ms", round(r.maxMs));
        }
        System.out.println("(Redis: time in the pending-ride, supply and offer adapters; candidates, offered,"
                + " unmatched: means per window; solver " + solverName + "; goal: 300 x 300 p50 <= 50 ms)");
        json.put("solver", solverName);
        System.out.println(JsonMapper.builder().build().writeValueAsString(json));
    }

    /** A progress line on stderr: overwritten in place on a terminal, at most every 5 s elsewhere. */
    private void progress(String line) {
        if (terminal) {
            System.err.print("\r\033[K" + line);
        } else if (System.currentTimeMillis() - lastProgress > 5000) {
            System.err.println(line);
            lastProgress = System.currentTimeMillis();
        }
    }

    private static GeoPoint point(Random random) {
        return new GeoPoint(
                LAT_MIN + random.nextDouble() * (LAT_MAX - LAT_MIN),
                LON_MIN + random.nextDouble() * (LON_MAX - LON_MIN));
    }

    private static double median(double[] sorted) {
        return sorted[(sorted.length - 1) / 2];
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    /** Without Spring Boot, Logback would log at DEBUG (Lettuce, Netty) into the table: warnings only. */
    private static void quietLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    /** One size's figures: window, Redis and solver times in ms; counts as means per window. */
    private record Result(
            int n,
            double p50Ms,
            double maxMs,
            double minMs,
            double redisP50Ms,
            double solverP50Ms,
            double candidates,
            double offered,
            double unmatched) {}

    /**
     * {@code target} behind a proxy that adds the time of every call, in ns, to {@code nanos}: how much of a window
     * each port takes. As thread-safe as {@code target}.
     */
    private static <T> T timed(Class<T> port, T target, LongAdder nanos) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            long start = System.nanoTime();
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                nanos.add(System.nanoTime() - start);
            }
        }));
    }

    /** order-service stand-in: MatchWindow only calls it for rides given up on, which never happens here. */
    private static final class NoOrderService implements RideAssignments {
        @Override
        public AssignOutcome assign(long rideId, DriverId driver) {
            return new AssignOutcome.Done();
        }

        @Override
        public AssignOutcome noDriver(long rideId) {
            return new AssignOutcome.Done();
        }
    }
}
