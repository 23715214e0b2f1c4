package io.ridemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.ridemesh.infra.client.AccountImports;
import io.ridemesh.infra.client.AppSignIn;
import io.ridemesh.infra.client.Tokens;
import io.ridemesh.infra.cluster.ComponentKind;
import io.ridemesh.infra.cluster.Credentials;
import io.ridemesh.infra.cluster.Playground;
import io.ridemesh.infra.cluster.PortPlan;
import io.ridemesh.infra.cluster.Region;
import io.ridemesh.infra.cluster.ServiceMode;
import io.ridemesh.kit.security.ClientCredentials;
import io.ridemesh.kit.security.ClientCredentialsTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Hostile input against a running 2-region playground (region nodes), through the gateway and on every service's own
 * port: forged, expired, unsigned, unkeyed and wrong-role tokens; another rider's rides and quotes, another driver's
 * rides and offers; malformed, oversized, wrongly typed and out-of-range bodies; a replayed quote; invalid state
 * transitions; paths and ids that are not ids. Every answer must be a 4xx {@code application/problem+json} body
 * that names the field or the reason (no 5xx), and no business row may change in either region (rides, quotes, unit
 * homes; the one ride a driver holds an offer for is left out, since dispatch may still settle it).
 */
class AbuseIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NYC_PICKUP = "{\"lat\":40.758,\"lon\":-73.9855}";
    private static final String NYC_DROPOFF = "{\"lat\":40.7074,\"lon\":-74.0113}";
    private static final String QUOTE_BODY =
            "{\"pickup\":" + NYC_PICKUP + ",\"dropoff\":" + NYC_DROPOFF + ",\"product\":\"SOLO\",\"seats\":1}";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private int cases;

    private Playground playground;
    /** Region a's authorization-server key, for the hostile tokens that carry a valid signature. */
    private Tokens issuerA;

    @AfterEach
    void down() {
        if (playground != null && System.getenv("ABUSE_KEEP") == null) {
            playground.down(true);
        }
    }

    @Test
    void everyHostileRequestIsA4xxProblemAndChangesNothing() throws Exception {
        playground = Playground.create(
                DemoScenario.repo(), Path.of("target/abuse-it"), new PortPlan(29000), System.out::println);
        playground.down(true);
        playground.up(2, false, ServiceMode.REGION_NODE);
        Region a = Region.of(1);
        // region a's signing key, for the hostile tokens below (the cast's tokens come from identity-service)
        issuerA = playground.issuerTokens(a);
        Region b = Region.of(2);
        String gateway = url(a, ComponentKind.GATEWAY);

        // --- the cast and their rides, made the legitimate way: accounts imported by the first operator, their apps
        // signed in at region a's identity-service (authorization code with PKCE), dispatch's own client credentials
        String riderA = "abuse-rider-a-" + UUID.randomUUID().toString().substring(0, 8);
        String riderB = "abuse-rider-b-" + UUID.randomUUID().toString().substring(0, 8);
        String driverX = "abuse-driver-x";
        String driverY = "abuse-driver-y";
        String operator;
        try (AppSignIn console = new AppSignIn(URI.create(gateway))) {
            operator = console.signIn(
                            Credentials.OPERATOR_LOGIN, playground.credentials().operatorPassword())
                    .accessToken();
        }
        new AccountImports()
                .importAll(
                        URI.create(gateway),
                        operator,
                        List.of(riderA, riderB, driverX, driverY).stream()
                                .map(s -> new AccountImports.Account(
                                        login(s), s.contains("rider") ? "rider" : "driver", s))
                                .toList(),
                        "{bcrypt}" + new BCryptPasswordEncoder().encode(CAST_PASSWORD));
        String tokenA = signedIn(gateway, riderA);
        String tokenB = signedIn(gateway, riderB);
        String tokenX = signedIn(gateway, driverX);
        String tokenY = signedIn(gateway, driverY);
        String service = "Bearer "
                + new ClientCredentialsTokens(
                                new ClientCredentials(
                                        URI.create(url(a, ComponentKind.IDENTITY_SERVICE) + "/oauth2/token"),
                                        "dispatch-service",
                                        playground.credentials().serviceClientSecret("dispatch-service"),
                                        null,
                                        null),
                                InstantSource.system())
                        .current();

        String quoteA1 = quote(gateway, tokenA);
        String cancelled = ride(gateway, tokenA, quoteA1);
        expect(post(gateway + "/v1/rides/" + cancelled + "/cancel", tokenA, null, Map.of()), 200);
        String quoteA2 = quote(gateway, tokenA);
        String assigned = ride(gateway, tokenA, quoteA2);
        expect(
                post(
                        url(a, ComponentKind.ORDER_SERVICE) + "/v1/rides/" + assigned + "/assign",
                        service,
                        "{\"driverId\":\"" + driverY + "\"}",
                        Map.of()),
                200);
        // a ride offered to driver X: X is online next to it and long-polls for the offer
        expect(
                post(gateway + "/v1/drivers/me/online", tokenX, "{\"seats\":4," + NYC_PICKUP.substring(1), Map.of()),
                200);
        String offered = ride(gateway, tokenA, quote(gateway, tokenA));
        String offerId = Awaitility.await("an offer for driver X")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ZERO)
                .until(() -> offerFor(gateway, tokenX), id -> id != null);
        String unusedQuoteOfA = quote(gateway, tokenA);
        String genuine = quote(gateway, tokenB); // rider B's own quote, for the ride bodies below
        String rideBodyA2 = rideBody(quoteA2);

        Map<Region, String> before = Awaitility.await("both regions hold the same rides")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> fingerprints(offered),
                        f -> f.get(a).split("/")[0].equals(f.get(b).split("/")[0]));

        // --- 1. tokens that must not open anything, on every route of the gateway and every service's own port
        List<String[]> routes = List.of(
                new String[] {"POST", gateway + "/v1/quotes", QUOTE_BODY},
                new String[] {"POST", gateway + "/v1/rides", rideBodyA2},
                new String[] {"GET", gateway + "/v1/rides", null},
                new String[] {"GET", gateway + "/v1/rides/" + assigned, null},
                new String[] {"POST", gateway + "/v1/rides/" + assigned + "/cancel", null},
                new String[] {"POST", gateway + "/v1/rides/" + assigned + "/arrive", null},
                new String[] {"POST", gateway + "/v1/rides/" + assigned + "/start", null},
                new String[] {
                    "POST",
                    gateway + "/v1/rides/" + assigned + "/complete",
                    "{\"actualDistanceMetres\":1,\"actualDurationSeconds\":1}"
                },
                new String[] {"POST", gateway + "/v1/rides/" + assigned + "/rider-no-show", null},
                new String[] {"POST", gateway + "/v1/rides/" + assigned + "/assign", "{\"driverId\":\"d\"}"},
                new String[] {"POST", gateway + "/v1/rides/" + assigned + "/no-driver", null},
                new String[] {"POST", gateway + "/v1/drivers/me/online", "{\"seats\":4," + NYC_PICKUP.substring(1)},
                new String[] {"POST", gateway + "/v1/drivers/me/offline", null},
                new String[] {"POST", gateway + "/v1/drivers/me/location", NYC_PICKUP},
                new String[] {"GET", gateway + "/v1/drivers/me/offer", null},
                new String[] {"POST", gateway + "/v1/offers/" + offerId + "/accept", null},
                new String[] {"POST", gateway + "/v1/offers/" + offerId + "/decline", null},
                new String[] {"GET", gateway + "/ops/units", null},
                new String[] {"GET", gateway + "/actuator/prometheus", null},
                new String[] {"POST", url(a, ComponentKind.ORDER_SERVICE) + "/v1/rides", rideBodyA2},
                new String[] {"GET", url(a, ComponentKind.ORDER_SERVICE) + "/v1/rides/" + assigned, null},
                new String[] {
                    "POST",
                    url(a, ComponentKind.ORDER_SERVICE) + "/v1/rides/" + assigned + "/assign",
                    "{\"driverId\":\"d\"}"
                },
                new String[] {"GET", url(a, ComponentKind.ORDER_SERVICE) + "/actuator/prometheus", null},
                new String[] {
                    "POST",
                    url(a, ComponentKind.DISPATCH_SERVICE) + "/v1/drivers/me/online",
                    "{\"seats\":4," + NYC_PICKUP.substring(1)
                },
                new String[] {"POST", url(a, ComponentKind.DISPATCH_SERVICE) + "/v1/offers/" + offerId + "/accept", null
                },
                new String[] {"POST", url(a, ComponentKind.PRICING_SERVICE) + "/v1/quotes", QUOTE_BODY},
                new String[] {"GET", url(a, ComponentKind.PRICING_SERVICE) + "/actuator/metrics", null},
                new String[] {"GET", url(a, ComponentKind.SYNC_SINK) + "/actuator/prometheus", null},
                new String[] {"GET", url(b, ComponentKind.SYNC_SINK) + "/actuator/metrics", null},
                new String[] {"POST", gateway + "/v1/accounts/imports", IMPORT_BODY},
                new String[] {"GET", gateway + "/v1/accounts/me", null},
                new String[] {"DELETE", gateway + "/v1/accounts/me", null},
                new String[] {"GET", url(a, ComponentKind.IDENTITY_SERVICE) + "/actuator/prometheus", null});
        Map<String, @Nullable String> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put("alg none", "Bearer " + unsigned(riderA, "operator"));
        // HS256 was the platform's shared key until session 18: whatever key signs it now, it is refused
        badTokens.put("HS256", "Bearer " + hs256(new byte[32], claims(riderA, "operator", 600)));
        String issuer = playground.identityIssuer(a);
        badTokens.put("expired", "Bearer " + issuerA.sign(ofIssuer(issuer, claims(riderA, "operator", -300))));
        badTokens.put(
                "no exp",
                "Bearer "
                        + issuerA.sign(new JWTClaimsSet.Builder(ofIssuer(issuer, claims(riderA, "operator", 600)))
                                .expirationTime(null)
                                .build()));
        badTokens.put("unknown role", "Bearer " + issuerA.sign(ofIssuer(issuer, claims(riderA, "admin", 600))));
        badTokens.put(
                "another audience",
                "Bearer "
                        + issuerA.sign(new JWTClaimsSet.Builder(ofIssuer(issuer, claims(riderA, "operator", 600)))
                                .audience("somebody-else")
                                .build()));
        badTokens.put(
                "an untrusted issuer",
                "Bearer " + issuerA.sign(ofIssuer("http://127.0.0.1:9", claims(riderA, "operator", 600))));
        badTokens.put("not a JWT", "Bearer abc.def.ghi");
        badTokens.put("empty bearer", "Bearer ");
        // an ES256 token naming region a's authorization server, signed with a key it never published: its JWK set is
        // fetched again for the unknown kid (then rate-limited), and the token is refused, never a 5xx
        badTokens.put(
                "ES256, a made-up key of a trusted issuer",
                "Bearer " + es256WithMadeUpKey(playground.identityIssuer(a), riderA));
        for (String[] route : routes) {
            for (Map.Entry<String, @Nullable String> t : badTokens.entrySet()) {
                check(
                        t.getKey() + ": " + route[0] + " " + route[1],
                        send(
                                route[0],
                                route[1],
                                t.getValue(),
                                route[2],
                                Map.of("Idempotency-Key", "k-" + UUID.randomUUID())),
                        401,
                        null);
            }
        }

        // --- 2. valid tokens in the wrong role
        String[][] wrongRoles = {
            {"POST", gateway + "/v1/quotes", QUOTE_BODY, tokenX},
            {"POST", gateway + "/v1/rides", rideBodyA2, tokenX},
            {"POST", gateway + "/v1/rides/" + assigned + "/arrive", null, tokenA},
            {
                "POST",
                gateway + "/v1/rides/" + assigned + "/complete",
                "{\"actualDistanceMetres\":1,\"actualDurationSeconds\":1}",
                tokenA
            },
            {"POST", gateway + "/v1/rides/" + assigned + "/assign", "{\"driverId\":\"x\"}", tokenY},
            {"POST", gateway + "/v1/rides/" + assigned + "/no-driver", null, tokenA},
            {"POST", gateway + "/v1/rides/" + assigned + "/accept", null, tokenY},
            {"POST", gateway + "/v1/drivers/me/online", "{\"seats\":4," + NYC_PICKUP.substring(1), tokenA},
            {"GET", gateway + "/v1/drivers/me/offer", null, tokenA},
            {"POST", gateway + "/v1/offers/" + offerId + "/accept", null, tokenA},
            {"GET", gateway + "/ops/units", null, tokenA},
            {"GET", gateway + "/actuator/prometheus", null, tokenY},
            {"GET", url(a, ComponentKind.ORDER_SERVICE) + "/actuator/prometheus", null, tokenA},
            {
                "POST",
                url(a, ComponentKind.ORDER_SERVICE) + "/v1/rides/" + assigned + "/assign",
                "{\"driverId\":\"x\"}",
                tokenX
            },
            {"POST", url(a, ComponentKind.PRICING_SERVICE) + "/v1/quotes", QUOTE_BODY, tokenY},
            {"GET", url(a, ComponentKind.PRICING_SERVICE) + "/actuator/prometheus", null, tokenA},
            {"GET", url(a, ComponentKind.DISPATCH_SERVICE) + "/actuator/prometheus", null, tokenX},
            {"GET", url(a, ComponentKind.SYNC_SINK) + "/actuator/prometheus", null, tokenA},
            {"GET", url(a, ComponentKind.SYNC_SINK) + "/actuator/metrics", null, tokenY},
            {"GET", url(a, ComponentKind.SYNC_SINK) + "/actuator/prometheus", null, service},
            {"POST", gateway + "/v1/accounts/imports", IMPORT_BODY, tokenA},
            {"POST", gateway + "/v1/accounts/imports", IMPORT_BODY, tokenX},
            {"GET", url(a, ComponentKind.IDENTITY_SERVICE) + "/actuator/prometheus", null, tokenA},
        };
        for (String[] r : wrongRoles) {
            check(
                    "wrong role: " + r[0] + " " + r[1],
                    send(r[0], r[1], r[3], r[2], Map.of("Idempotency-Key", "k-" + UUID.randomUUID())),
                    403,
                    null);
        }

        // --- 3. another user's rides, quotes and offers
        check("rider B reads rider A's ride", get(gateway + "/v1/rides/" + assigned, tokenB), 404, null);
        check(
                "rider B cancels rider A's ride",
                post(gateway + "/v1/rides/" + assigned + "/cancel", tokenB, null, Map.of()),
                404,
                null);
        check(
                "rider B reads rider A's ride on order's port",
                get(url(a, ComponentKind.ORDER_SERVICE) + "/v1/rides/" + assigned, tokenB),
                404,
                null);
        check(
                "driver X arrives for driver Y's ride",
                post(gateway + "/v1/rides/" + assigned + "/arrive", tokenX, null, Map.of()),
                404,
                null);
        check(
                "driver X completes driver Y's ride",
                post(
                        gateway + "/v1/rides/" + assigned + "/complete",
                        tokenX,
                        "{\"actualDistanceMetres\":7000,\"actualDurationSeconds\":900}",
                        Map.of()),
                404,
                null);
        check(
                "driver X cancels driver Y's ride",
                post(gateway + "/v1/rides/" + assigned + "/cancel", tokenX, null, Map.of()),
                404,
                null);
        check(
                "driver Y accepts driver X's offer",
                post(gateway + "/v1/offers/" + offerId + "/accept", tokenY, null, Map.of()),
                404,
                null);
        check(
                "driver Y declines driver X's offer",
                post(gateway + "/v1/offers/" + offerId + "/decline", tokenY, null, Map.of()),
                404,
                null);
        check(
                "rider B requests a ride with rider A's quote",
                post(gateway + "/v1/rides", tokenB, rideBody(unusedQuoteOfA), key()),
                422,
                "quoteToken");
        check(
                "rider A replays a used quote with a new key",
                post(gateway + "/v1/rides", tokenA, rideBodyA2, key()),
                409,
                "quoteToken");
        check(
                "rider B reads rider A's quote on pricing's port",
                get(url(a, ComponentKind.PRICING_SERVICE) + "/v1/quotes/" + quoteIdOf(unusedQuoteOfA), tokenB),
                404,
                null);
        check(
                "a rider lists another rider's rides by filter",
                get(gateway + "/v1/rides?riderId=" + riderA, tokenB),
                null,
                null,
                true);

        // --- 4. invalid state transitions
        check(
                "driver Y starts before arriving",
                post(gateway + "/v1/rides/" + assigned + "/start", tokenY, null, Map.of()),
                409,
                null);
        check(
                "driver Y completes before starting",
                post(
                        gateway + "/v1/rides/" + assigned + "/complete",
                        tokenY,
                        "{\"actualDistanceMetres\":7000,\"actualDurationSeconds\":900}",
                        Map.of()),
                409,
                null);
        check(
                "driver Y reports a no-show before arriving",
                post(gateway + "/v1/rides/" + assigned + "/rider-no-show", tokenY, null, Map.of()),
                409,
                null);
        check(
                "dispatch reports no driver for a cancelled ride",
                post(
                        url(a, ComponentKind.ORDER_SERVICE) + "/v1/rides/" + cancelled + "/no-driver",
                        service,
                        null,
                        Map.of()),
                409,
                null);
        check(
                "dispatch assigns a cancelled ride",
                post(
                        url(a, ComponentKind.ORDER_SERVICE) + "/v1/rides/" + cancelled + "/assign",
                        service,
                        "{\"driverId\":\"" + driverX + "\"}",
                        Map.of()),
                409,
                null);
        check(
                "dispatch reports no driver for an assigned ride",
                post(
                        url(a, ComponentKind.ORDER_SERVICE) + "/v1/rides/" + assigned + "/no-driver",
                        service,
                        null,
                        Map.of()),
                409,
                null);

        // --- 5. bodies: malformed, wrongly typed, out of range, oversized
        String[][] quoteBodies = {
            {"{", null},
            {"{}", null},
            {"[]", null},
            {"null", null},
            {"\"text\"", null},
            {
                "{\"pickup\":{\"lat\":\"north\",\"lon\":-73.9},\"dropoff\":" + NYC_DROPOFF
                        + ",\"product\":\"SOLO\",\"seats\":1}",
                "pickup.lat"
            },
            {
                "{\"pickup\":{\"lat\":91,\"lon\":-73.9},\"dropoff\":" + NYC_DROPOFF
                        + ",\"product\":\"SOLO\",\"seats\":1}",
                "pickup.lat"
            },
            {
                "{\"pickup\":{\"lat\":40.7,\"lon\":-181},\"dropoff\":" + NYC_DROPOFF
                        + ",\"product\":\"SOLO\",\"seats\":1}",
                "pickup.lon"
            },
            {
                "{\"pickup\":{\"lat\":1e400,\"lon\":-73.9},\"dropoff\":" + NYC_DROPOFF
                        + ",\"product\":\"SOLO\",\"seats\":1}",
                "pickup.lat"
            },
            {
                "{\"pickup\":" + NYC_PICKUP + ",\"dropoff\":" + NYC_DROPOFF + ",\"product\":\"LUX\",\"seats\":1}",
                "product"
            },
            {"{\"pickup\":" + NYC_PICKUP + ",\"dropoff\":" + NYC_DROPOFF + ",\"product\":\"SOLO\",\"seats\":0}", "seats"
            },
            {
                "{\"pickup\":" + NYC_PICKUP + ",\"dropoff\":" + NYC_DROPOFF
                        + ",\"product\":\"SOLO\",\"seats\":2147483648}",
                "seats"
            },
            {"{\"pickup\":" + NYC_PICKUP + ",\"dropoff\":" + NYC_DROPOFF + ",\"product\":\"POOL\",\"seats\":3}", "seats"
            },
            {
                "{\"pickup\":" + NYC_PICKUP + ",\"dropoff\":" + NYC_DROPOFF
                        + ",\"product\":\"SOLO\",\"seats\":\"two\"}",
                "seats"
            },
            {
                "{\"pickup\":{\"lat\":51.5,\"lon\":-0.12},\"dropoff\":" + NYC_DROPOFF
                        + ",\"product\":\"SOLO\",\"seats\":1}",
                "pickup"
            },
            {
                "{\"pickup\":" + NYC_PICKUP
                        + ",\"dropoff\":{\"lat\":41.88,\"lon\":-87.63},\"product\":\"SOLO\",\"seats\":1}",
                "dropoff"
            },
            {QUOTE_BODY.substring(0, QUOTE_BODY.length() - 1) + ",\"pad\":\"" + "x".repeat(70_000) + "\"}", null},
        };
        for (String[] q : quoteBodies) {
            check("quote body " + abbreviate(q[0]), post(gateway + "/v1/quotes", tokenB, q[0], Map.of()), null, q[1]);
            check(
                    "quote body on pricing's port " + abbreviate(q[0]),
                    post(url(a, ComponentKind.PRICING_SERVICE) + "/v1/quotes", tokenB, q[0], Map.of()),
                    null,
                    q[1]);
        }
        String token = tree(genuine).path("token").asText();
        String[][] rideBodies = {
            {"{", null},
            {"{}", null},
            {rideBody(genuine).replace(token, token.substring(0, token.length() - 2) + "AA"), "quoteToken"},
            {rideBody(genuine).replace(token, "not-a-token"), "quoteToken"},
            {rideBody(genuine).replace(token, ""), "quoteToken"},
            {rideBody(genuine).replace("\"seats\":1", "\"seats\":2"), "seats"},
            {rideBody(genuine).replace("\"seats\":1", "\"seats\":\"one\""), "seats"},
            {rideBody(genuine).replace("\"SOLO\"", "\"POOL\""), "product"},
            {rideBody(genuine).replace("40.758", "40.759"), "pickup"},
            {rideBody(genuine).replace("-74.0113", "-74.0114"), "dropoff"},
            {
                rideBody(genuine).substring(0, rideBody(genuine).length() - 1) + ",\"pad\":\"" + "x".repeat(20_000)
                        + "\"}",
                null
            },
        };
        for (String[] r : rideBodies) {
            check("ride body " + abbreviate(r[0]), post(gateway + "/v1/rides", tokenB, r[0], key()), null, r[1]);
        }
        check(
                "ride request without Idempotency-Key",
                post(gateway + "/v1/rides", tokenB, rideBody(genuine), Map.of()),
                400,
                "Idempotency-Key");
        check(
                "ride request with a 300-character Idempotency-Key",
                post(gateway + "/v1/rides", tokenB, rideBody(genuine), Map.of("Idempotency-Key", "k".repeat(300))),
                400,
                "Idempotency-Key");
        String[][] driverBodies = {
            {"/v1/drivers/me/online", "{\"seats\":0," + NYC_PICKUP.substring(1), "seats"},
            {"/v1/drivers/me/online", "{\"seats\":9," + NYC_PICKUP.substring(1), "seats"},
            {"/v1/drivers/me/online", "{\"seats\":4,\"lat\":100,\"lon\":-73.9}", "lat"},
            {"/v1/drivers/me/online", "{\"seats\":4,\"lat\":40.7}", "lon"},
            {"/v1/drivers/me/online", "{\"seats\":4,\"lat\":51.5,\"lon\":-0.12}", null},
            {"/v1/drivers/me/online", "{\"seats\":", null},
            {"/v1/drivers/me/location", "{\"lat\":\"x\",\"lon\":1}", "lat"},
            {
                "/v1/drivers/me/location",
                "{\"lat\":40.7,\"lon\":-200,\"ts\":" + Instant.now().toEpochMilli() + "}",
                "lon"
            },
            {"/v1/drivers/me/locations", "{\"points\":[]}", "points"},
            {"/v1/drivers/me/locations", "{\"points\":[{\"lat\":95,\"lon\":1,\"ts\":1}]}", "points[0].lat"},
            {"/v1/drivers/me/locations", "{\"points\":" + manyPoints(501) + "}", "points"},
            {"/v1/drivers/me/locations", "{\"points\":\"many\"}", "points"},
        };
        for (String[] d : driverBodies) {
            check(
                    "driver body " + d[0] + " " + abbreviate(d[1]),
                    post(gateway + d[0], tokenY, d[1], Map.of()),
                    null,
                    d[2]);
        }
        check(
                "complete with negative distance",
                post(
                        gateway + "/v1/rides/" + assigned + "/complete",
                        tokenY,
                        "{\"actualDistanceMetres\":-1,\"actualDurationSeconds\":900}",
                        Map.of()),
                null,
                "actualDistanceMetres");
        check(
                "complete with a text duration",
                post(
                        gateway + "/v1/rides/" + assigned + "/complete",
                        tokenY,
                        "{\"actualDistanceMetres\":10,\"actualDurationSeconds\":\"long\"}",
                        Map.of()),
                null,
                "actualDurationSeconds");
        check(
                "assign without a driver",
                post(
                        url(a, ComponentKind.ORDER_SERVICE) + "/v1/rides/" + assigned + "/assign",
                        service,
                        "{}",
                        Map.of()),
                null,
                "driverId");

        // --- 6. paths and ids that are not ids
        for (String id : new String[] {"abc", "-1", "0", "99999999999999999999", "1e5", "%20"}) {
            check("ride id " + id, get(gateway + "/v1/rides/" + id, tokenA), null, null);
            check("offer id " + id, post(gateway + "/v1/offers/" + id + "/accept", tokenX, null, Map.of()), null, null);
        }
        check("list with an unknown status", get(gateway + "/v1/rides?status=FLYING", tokenA), 400, "status");
        check(
                "waiting rides with a bad window",
                get(
                        url(a, ComponentKind.ORDER_SERVICE)
                                + "/v1/units/1/waiting-rides?requestedFrom=yesterday&requestedBefore=now",
                        service),
                400,
                null);
        check(
                "long poll for 10 hours",
                get(gateway + "/v1/drivers/me/offer?waitSeconds=36000", tokenX),
                400,
                "waitSeconds");

        System.out.println("abuse: " + cases + " hostile requests, " + failures.size() + " wrong answers");
        assertThat(failures)
                .as("answers that are not a 4xx problem naming the field or reason")
                .isEmpty();
        assertThat(cases).isGreaterThanOrEqualTo(200);

        Map<String, String> fingerprintBefore = new LinkedHashMap<>();
        before.forEach((r, f) -> fingerprintBefore.put(r.name(), f));
        Map<Region, String> after = Awaitility.await("both regions hold the same rides again")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> fingerprints(offered),
                        f -> f.get(a).split("/")[0].equals(f.get(b).split("/")[0]));
        Map<String, String> fingerprintAfter = new LinkedHashMap<>();
        after.forEach((r, f) -> fingerprintAfter.put(r.name(), f));
        assertThat(fingerprintAfter).as("no row changed by a rejected request").isEqualTo(fingerprintBefore);
    }

    // ------------------------------------------------------------------------------------------------ the checks

    /** One hostile request's answer: a 4xx problem body ({@code expected} status when given) naming the field. */
    private void check(String name, Answer answer, @Nullable Integer expected, @Nullable String field) {
        check(name, answer, expected, field, false);
    }

    private void check(
            String name, Answer answer, @Nullable Integer expected, @Nullable String field, boolean okAllowed) {
        cases++;
        if (okAllowed && answer.status() == 200) {
            // a filter a rider may not use is ignored: the answer must still hold only the caller's rides
            JsonNode body = tree(answer.body());
            for (JsonNode ride : body.path("rides")) {
                if (!ride.path("riderId").asText().startsWith("abuse-rider-b")) {
                    failures.add(name + ": 200 with another rider's ride " + ride);
                }
            }
            return;
        }
        String problem = null;
        if (answer.status() < 400 || answer.status() > 499) {
            problem = "status " + answer.status();
        } else if (expected != null && answer.status() != expected) {
            problem = "status " + answer.status() + ", expected " + expected;
        } else if (!answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            problem = "content type '" + answer.contentType() + "'";
        } else {
            JsonNode body;
            try {
                body = tree(answer.body());
            } catch (RuntimeException e) {
                body = null;
            }
            if (body == null || body.path("status").asInt() != answer.status()) {
                problem = "problem body without its status";
            } else if (body.path("title").asText("").isBlank()
                    || (body.path("detail").asText("").isBlank()
                            && body.path("field").isMissingNode())) {
                problem = "problem body naming no reason";
            } else if (field != null && !field.equals(body.path("field").asText(""))) {
                problem = "field '" + body.path("field").asText("") + "', expected '" + field + "'";
            }
        }
        if (problem != null) {
            failures.add(name + ": " + problem + " | " + abbreviate(answer.body()));
        }
    }

    /** Per region: rides (but {@code excluded}), quotes and unit homes as count and checksum; "rides/quotes/homes". */
    private Map<Region, String> fingerprints(String excluded) throws SQLException {
        Map<Region, String> all = new LinkedHashMap<>();
        for (Region region : List.of(Region.of(1), Region.of(2))) {
            try (Connection c = playground.rootConnection(region);
                    Statement s = c.createStatement()) {
                String rides = one(
                        s,
                        "SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', id, status,"
                                + " version, hlc, origin_region, IFNULL(driver_id, ''), deleted))), 0)) FROM rides.rides"
                                + " WHERE id <> " + Long.parseLong(excluded));
                String quotes = one(
                        s,
                        "SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', quote_id,"
                                + " rider_id, fare_cents))), 0)) FROM pricing.quote");
                String homes = one(
                        s,
                        "SELECT CONCAT(COUNT(*), ':', COALESCE(SUM(CRC32(CONCAT_WS('|', unit_id,"
                                + " home_region, version, hlc))), 0)) FROM routing.unit_home");
                all.put(region, rides + "/" + quotes + "/" + homes);
            }
        }
        return all;
    }

    /** The JSON of {@code text}; a missing node when it is not JSON. */
    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ the cast

    private String quote(String gateway, String rider) {
        Answer a = post(gateway + "/v1/quotes", rider, QUOTE_BODY, Map.of());
        expect(a, 201);
        return a.body();
    }

    private String ride(String gateway, String rider, String quote) {
        Answer a = post(gateway + "/v1/rides", rider, rideBody(quote), key());
        expect(a, 201);
        return tree(a.body()).path("id").asText();
    }

    private @Nullable String offerFor(String gateway, String driver) {
        Answer a = get(gateway + "/v1/drivers/me/offer?waitSeconds=5", driver);
        if (a.status() != 200 || a.body().isBlank()) {
            return null;
        }
        JsonNode offer = tree(a.body());
        return offer.hasNonNull("offerId") ? offer.path("offerId").asText() : null;
    }

    private static String rideBody(String quoteAnswer) {
        String token = tree(quoteAnswer).path("token").asText();
        return "{\"quoteToken\":\"" + token + "\",\"pickup\":" + NYC_PICKUP + ",\"dropoff\":" + NYC_DROPOFF
                + ",\"product\":\"SOLO\",\"seats\":1}";
    }

    private static String quoteIdOf(String quoteAnswer) {
        return tree(quoteAnswer).path("quoteId").asText();
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", "k-" + UUID.randomUUID());
    }

    private static String manyPoints(int n) {
        StringBuilder points = new StringBuilder("[");
        long t = Instant.now().toEpochMilli();
        for (int i = 0; i < n; i++) {
            points.append(i == 0 ? "" : ",")
                    .append("{\"lat\":40.75,\"lon\":-73.98,\"ts\":")
                    .append(t)
                    .append('}');
        }
        return points.append(']').toString();
    }

    private String url(Region region, ComponentKind kind) {
        return "http://127.0.0.1:" + playground.ports().port(region, kind);
    }

    /** The password of the cast's accounts (a fixture: the playground is the test's own). */
    private static final String CAST_PASSWORD = "the abuse test's cast password";

    private static String login(String subject) {
        return subject + "@example.com";
    }

    /** The bearer header of {@code subject}'s app, signed in at the gateway as the apps do. */
    private static String signedIn(String gateway, String subject) throws Exception {
        try (AppSignIn app = new AppSignIn(URI.create(gateway))) {
            return "Bearer " + app.signIn(login(subject), CAST_PASSWORD).accessToken();
        }
    }

    /** An import an operator could make (its hash is of cost 10); anyone else gets 401 or 403. */
    private static final String IMPORT_BODY = "{\"accounts\":[{\"login\":\"abuse@example.com\",\"passwordHash\":"
            + "\"{bcrypt}$2a$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234\",\"role\":\"operator\","
            + "\"subject\":\"abuse-operator-2\"}]}";

    /** A rider token of {@code issuer} with the platform's audience, signed ES256 by a key the issuer never had. */
    private static String es256WithMadeUpKey(String issuer, String subject) throws JOSEException {
        ECKey madeUp = new ECKeyGenerator(Curve.P_256)
                .keyID("made-up-" + UUID.randomUUID())
                .generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(subject, "operator", 600))
                .issuer(issuer)
                .audience("ridemesh")
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(madeUp.getKeyID())
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(madeUp));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String subject, String role, long expiresInSeconds) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("role", role)
                .expirationTime(Date.from(Instant.now().plusSeconds(expiresInSeconds)))
                .build();
    }

    /** {@code claims} as {@code issuer} issues them: its {@code iss} and the platform's audience. */
    private static JWTClaimsSet ofIssuer(String issuer, JWTClaimsSet claims) {
        return new JWTClaimsSet.Builder(claims)
                .issuer(issuer)
                .audience(Tokens.AUDIENCE)
                .build();
    }

    private static String hs256(byte[] key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    private static String unsigned(String subject, String role) {
        return new PlainJWT(claims(subject, role, 600)).serialize();
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 120 ? flat : flat.substring(0, 120) + "...";
    }

    private static void expect(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    record Answer(int status, String contentType, String body) {}

    private Answer get(String url, String authorization) {
        return send("GET", url, authorization, null, Map.of());
    }

    private Answer post(String url, String authorization, @Nullable String body, Map<String, String> headers) {
        return send("POST", url, authorization, body, headers);
    }

    private Answer send(
            String method,
            String url,
            @Nullable String authorization,
            @Nullable String body,
            Map<String, String> headers) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            if (!headers.containsKey("X-Unit")) {
                // the driver app's routing header for calls without coordinates (unit 1, nyc); ignored elsewhere
                request.header("X-Unit", "1");
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            return new Answer(-1, "", e.toString());
        }
    }
}
