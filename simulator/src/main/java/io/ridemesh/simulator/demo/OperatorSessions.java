package io.ridemesh.simulator.demo;

import io.ridemesh.infra.client.AppSignIn;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Region;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's operator signed in at a region's identity-service (through its gateway), as the first operator account
 * ({@link DemoCluster#operatorLogin}): the provisioning's imports, the drill's evacuation and fail-back, the lag
 * reader's metrics. One session per region, kept until shortly before its token expires; a region's token is valid
 * in every region. Thread-safe.
 */
final class OperatorSessions {

    /** Attempts of a sign-in that got no answer (a refused password is not tried again: it counts to a lockout). */
    private static final int ATTEMPTS = 4;
    /** A token is replaced this long before it expires. */
    private static final Duration MARGIN = Duration.ofMinutes(2);

    private record Session(String token, Instant expires) {}

    private final DemoCluster cluster;
    private final Map<Region, Session> sessions = new ConcurrentHashMap<>();

    OperatorSessions(DemoCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * The operator's access token from {@code region}'s identity-service.
     *
     * @throws IOException if the region does not answer after {@value #ATTEMPTS} attempts or refuses the password
     */
    String token(Region region) throws IOException, InterruptedException {
        Session session = sessions.get(region);
        if (session != null && Instant.now().isBefore(session.expires().minus(MARGIN))) {
            return session.token();
        }
        URI base = URI.create(cluster.url(region, ComponentKind.GATEWAY));
        for (int attempt = 1; ; attempt++) {
            try (AppSignIn app = new AppSignIn(base)) {
                AppSignIn.SignedIn signedIn = app.signIn(cluster.operatorLogin(), cluster.operatorPassword());
                sessions.put(
                        region,
                        new Session(signedIn.accessToken(), Instant.now().plusSeconds(signedIn.expiresInSeconds())));
                return signedIn.accessToken();
            } catch (AppSignIn.SignInFailed refused) {
                throw new IOException(
                        "the operator cannot sign in at region " + region.name() + ": " + refused.getMessage(),
                        refused);
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw new IOException(
                            "the operator cannot sign in at region " + region.name() + ": " + e.getMessage(), e);
                }
                Thread.sleep(Waits.backoff(attempt - 1).toMillis()); // back-off between attempts
            }
        }
    }
}
