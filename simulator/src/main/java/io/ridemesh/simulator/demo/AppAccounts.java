package io.ridemesh.simulator.demo;

import io.ridemesh.infra.client.AccountImports;
import io.ridemesh.infra.client.AppSignIn;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Region;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The demo's accounts and the apps' sessions, made before the trip clock starts, as real apps are signed in before
 * their riders ride: a pool of riders per unit (one per {@value #TRIPS_PER_RIDER} trips of the unit, so a rider takes
 * several trips) and one driver per seeded driver, each with an account in its unit's home region (nyc: a, chicago:
 * b).
 *
 * <ol>
 *   <li>the first operator ({@code DemoCluster#operatorLogin}) signs in at region a's identity-service;
 *   <li>the accounts are imported in each home region ({@code POST /v1/accounts/imports}, {@link AccountImports}, {@value
 *       AccountImports#BATCH} per request) with one bcrypt hash of their shared password, made once here: an import hashes nothing;
 *   <li>every app signs in the OAuth 2.1 way ({@link AppSignIn}: authorization code with PKCE through the sign-in
 *       page), {@value #SIGN_IN_THREADS} at a time, each from its own loopback address (sign-in is limited per
 *       address, and phones have their own): this is where the password checks, tens of ms of CPU each, are spent.
 * </ol>
 *
 * The apps then present their access tokens until the run ends (the playground gives them an hour; identity-service
 * issues no refresh tokens to public clients yet). What it cost is reported on its own ({@link Provisioned}).
 *
 * <p>Thread-safe once {@link #provision} returned: {@link #token} reads a concurrent map.
 */
final class AppAccounts {

    /** Trips per rider of the pool: a rider of the replay takes about this many. */
    static final int TRIPS_PER_RIDER = 5;
    /** The one password of the demo's apps (a fixture: the cluster is the demo's own). */
    static final String PASSWORD = "the ridemesh demo app password";
    /** Apps signing in at once: enough to keep the authorization servers' cores busy with password checks. */
    static final int SIGN_IN_THREADS = 6;
    /** Attempts of one app's sign-in that failed (a busy or restarting authorization server). */
    private static final int SIGN_IN_ATTEMPTS = 4;
    /** Loopback addresses the simulated phones sign in from (127.0.1.1 ... ), well under 30 sign-ins/min each. */
    private static final int PHONE_ADDRESSES = 1_000;

    /** An account of the demo: its {@code sub}, role and home region. */
    record Account(String subject, String role, Region home) {

        String login() {
            return subject + "@demo.ridemesh.local";
        }
    }

    /**
     * What provisioning cost, reported on its own.
     *
     * @param accounts accounts imported or found (riders and drivers)
     * @param riders riders of the pool
     * @param drivers drivers
     * @param created accounts the imports made (the others existed from an earlier run)
     * @param seconds wall time from the operator's sign-in to the last app's token
     * @param signInSeconds wall time of the apps' sign-ins
     * @param signInMsP50 median wall time of one app's sign-in (ms)
     * @param failed apps that got no token after every attempt (their calls will be refused)
     */
    record Provisioned(
            int accounts,
            int riders,
            int drivers,
            int created,
            double seconds,
            double signInSeconds,
            long signInMsP50,
            int failed) {}

    private final DemoCluster cluster;
    private final OperatorSessions operators;
    private final boolean viaGateway;
    private final Consumer<String> out;
    private final Map<Integer, Integer> ridersPerUnit = new LinkedHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AccountImports imports = new AccountImports();

    /**
     * @param cluster where the identity-services and gateways answer
     * @param operators the operator who imports the accounts
     * @param viaGateway sign in and import through the gateways (as the apps call), else identity-service directly
     * @param plan the trips, for the size of each unit's rider pool
     * @param out progress lines
     */
    AppAccounts(
            DemoCluster cluster,
            OperatorSessions operators,
            boolean viaGateway,
            ReplayPlan plan,
            Consumer<String> out) {
        this.cluster = cluster;
        this.operators = operators;
        this.viaGateway = viaGateway;
        this.out = out;
        Map<Integer, Integer> trips = new LinkedHashMap<>();
        for (ReplayPlan.Planned p : plan.trips()) {
            trips.merge(p.unitId(), 1, Integer::sum);
        }
        trips.forEach((unit, n) -> ridersPerUnit.put(unit, Math.max(1, (n + TRIPS_PER_RIDER - 1) / TRIPS_PER_RIDER)));
    }

    /** The home region of a unit's apps: nyc (unit 1) in a, chicago (unit 2) in b. */
    static Region home(int unitId) {
        return unitId == 2 ? Region.of(2) : Region.of(1);
    }

    /** The rider of the pool who takes trip {@code p} (the same rider for the same trip, every run). */
    String riderOf(ReplayPlan.Planned p) {
        int pool = ridersPerUnit.getOrDefault(p.unitId(), 1);
        return riderOf(p.unitId(), Math.floorMod(p.trip().sourceId().hashCode(), pool));
    }

    private static String riderOf(int unitId, int index) {
        return "rider-u" + unitId + "-" + index;
    }

    /**
     * The access token of an app's session.
     *
     * @throws IllegalStateException if the app has none (not provisioned, or its sign-in failed)
     */
    String token(String subject) {
        String token = tokens.get(subject);
        if (token == null) {
            throw new IllegalStateException("no session for " + subject);
        }
        return token;
    }

    /** Whether the app has a session (its sign-in succeeded). */
    boolean signedIn(String subject) {
        return tokens.containsKey(subject);
    }

    /**
     * Imports the riders' and the drivers' accounts and signs every app in (see the type's comment).
     *
     * @param drivers the seeded drivers' subjects and units
     * @throws IOException if the operator cannot sign in or an import is refused
     */
    Provisioned provision(Map<String, Integer> drivers) throws IOException, InterruptedException {
        Instant start = Instant.now();
        List<Account> accounts = new ArrayList<>();
        ridersPerUnit.forEach((unit, n) -> {
            for (int i = 0; i < n; i++) {
                accounts.add(new Account(riderOf(unit, i), "rider", home(unit)));
            }
        });
        int riders = accounts.size();
        drivers.forEach((id, unit) -> accounts.add(new Account(id, "driver", home(unit))));
        out.accept(String.format(
                "provisioning %d accounts (%d riders, %d drivers) and signing their apps in ...",
                accounts.size(), riders, drivers.size()));

        String operator = operators.token(Region.of(1));
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        int created = 0;
        for (Region region : List.of(Region.of(1), Region.of(2))) {
            List<AccountImports.Account> homed = accounts.stream()
                    .filter(a -> a.home().equals(region))
                    .map(a -> new AccountImports.Account(a.login(), a.role(), a.subject()))
                    .toList();
            created += imports.importAll(base(region), operator, homed, hash);
        }

        Instant signInStart = Instant.now();
        long[] millis = new long[accounts.size()];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(SIGN_IN_THREADS, r -> {
            Thread t = new Thread(r, "demo-sign-in");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < accounts.size(); i++) {
                int k = i;
                pending.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    if (!signIn(accounts.get(k), phone(k))) {
                        failed.incrementAndGet();
                    }
                    millis[k] = (System.nanoTime() - t0) / 1_000_000;
                    done.incrementAndGet();
                }));
            }
            for (Future<?> f : pending) {
                while (true) {
                    try {
                        f.get(2, TimeUnit.SECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException slow) {
                        out.accept(String.format("\r  apps signed in: %d/%d", done.get(), accounts.size()));
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IOException("a sign-in task failed", e.getCause());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Arrays.sort(millis);
        Instant end = Instant.now();
        Provisioned result = new Provisioned(
                accounts.size(),
                riders,
                drivers.size(),
                created,
                Duration.between(start, end).toMillis() / 1000.0,
                Duration.between(signInStart, end).toMillis() / 1000.0,
                millis.length == 0 ? 0 : millis[millis.length / 2],
                failed.get());
        out.accept(String.format(
                "\r%d apps signed in in %.1f s (median sign-in %d ms; %d failed); accounts made: %d",
                accounts.size() - result.failed(),
                result.signInSeconds(),
                result.signInMsP50(),
                result.failed(),
                created));
        return result;
    }

    /** One app's sign-in, retried with back-off; true if it got a token. */
    private boolean signIn(Account account, InetAddress phone) {
        for (int attempt = 1; attempt <= SIGN_IN_ATTEMPTS; attempt++) {
            try (AppSignIn app = new AppSignIn(base(account.home()), phone)) {
                tokens.put(
                        account.subject(), app.signIn(account.login(), PASSWORD).accessToken());
                return true;
            } catch (AppSignIn.SignInFailed | IOException e) {
                if (attempt == SIGN_IN_ATTEMPTS) {
                    out.accept("\napp of " + account.subject() + " could not sign in: " + e.getMessage());
                    return false;
                }
                try {
                    Thread.sleep(Waits.backoff(attempt - 1).toMillis()); // back-off between attempts
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Where an app of {@code region} signs in: its gateway, or its identity-service when the apps call directly. */
    private URI base(Region region) {
        return URI.create(cluster.url(region, viaGateway ? ComponentKind.GATEWAY : ComponentKind.IDENTITY_SERVICE));
    }

    /** The loopback address simulated phone {@code k} connects from: 127.0.1.1, 127.0.1.2, ... */
    private static InetAddress phone(int k) {
        int n = k % PHONE_ADDRESSES;
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, (byte) (1 + n / 250), (byte) (1 + n % 250)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an address", e);
        }
    }
}
