package io.ridemesh.order.ride.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.ridemesh.common.quote.QuoteClaims;
import io.ridemesh.order.support.OrderServiceTest;
import io.ridemesh.order.support.Quotes;
import io.ridemesh.order.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Bad input of every kind: each case must be answered 4xx with an RFC 9457 problem body (naming the field where there
 * is one), and must leave no ride row and no outbox row behind.
 */
class BadInputTest extends OrderServiceTest {

    private static final String RIDER_ID = "bad-input-rider";
    private static final String RIDER = Tokens.rider(RIDER_ID);
    private static final String DRIVER = Tokens.driver("bad-input-driver");
    private static final String SERVICE = Tokens.service("dispatch-service");
    private static final String OTHER_KEY_HEX = "00".repeat(32);

    /** One bad request and the answer it must get. */
    record Case(
            String name,
            Function<BadInputTest, MockHttpServletRequestBuilder> request,
            int status,
            @Nullable String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void isRejectedWithAProblemAndChangesNothing(Case badInput) throws Exception {
        long rides = rideRows();
        long events = outboxRows();

        MvcResult result = mvc.perform(badInput.request().apply(this)).andReturn();

        String body = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(badInput.status());
        assertThat(result.getResponse().getContentType()).as(body).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(badInput.status());
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        if (badInput.field() != null) {
            assertThat(problem.get("errors").valueStream().map(error -> error.get("field")
                            .asString()))
                    .as(body)
                    .contains(badInput.field());
            assertThat(problem.get("errors").valueStream().map(error -> error.get("detail")
                            .asString()))
                    .allSatisfy(message -> assertThat(message).isNotBlank());
        }
        assertThat(rideRows()).as("ride rows").isEqualTo(rides);
        assertThat(outboxRows()).as("outbox rows").isEqualTo(events);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        idempotencyKey(cases);
        quoteTokenFormat(cases);
        quoteTokenNotGenuine(cases);
        quoteExpired(cases);
        points(cases);
        product(cases);
        seats(cases);
        quoteMismatch(cases);
        wholeBody(cases);
        otherRoutes(cases);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        return cases.stream();
    }

    // ------------------------------------------------------------------ the cases

    private static void idempotencyKey(List<Case> cases) {
        cases.add(new Case("Idempotency-Key missing", t -> create(t.validBody(), null), 400, "Idempotency-Key"));
        cases.add(new Case("Idempotency-Key empty", t -> create(t.validBody(), ""), 400, "Idempotency-Key"));
        cases.add(new Case(
                "Idempotency-Key 129 characters", t -> create(t.validBody(), "k".repeat(129)), 400, "Idempotency-Key"));
        cases.add(new Case("Idempotency-Key with a space", t -> create(t.validBody(), "a b"), 400, "Idempotency-Key"));
        cases.add(new Case("Idempotency-Key with a tab", t -> create(t.validBody(), "a\tb"), 400, "Idempotency-Key"));
        cases.add(new Case(
                "Idempotency-Key not ASCII", t -> create(t.validBody(), "cl\u00e9-1"), 400, "Idempotency-Key"));
        cases.add(new Case(
                "Idempotency-Key with a control character (rejected by the firewall, no field)",
                t -> create(t.validBody(), "a\u0001b"),
                400,
                null));
    }

    private static void quoteTokenFormat(List<Case> cases) {
        field(cases, "quoteToken missing", body -> body.remove("quoteToken"), 400, "quoteToken");
        field(cases, "quoteToken null", body -> body.put("quoteToken", null), 400, "quoteToken");
        field(cases, "quoteToken empty", body -> body.put("quoteToken", ""), 400, "quoteToken");
        field(cases, "quoteToken blank", body -> body.put("quoteToken", "   "), 400, "quoteToken");
        field(cases, "quoteToken 2049 characters", body -> body.put("quoteToken", "a".repeat(2049)), 400, "quoteToken");
        field(cases, "quoteToken a number", body -> body.put("quoteToken", 42), 400, "quoteToken");
        field(cases, "quoteToken an object", body -> body.put("quoteToken", Map.of()), 400, "quoteToken");
        field(cases, "quoteToken an array", body -> body.put("quoteToken", List.of()), 400, "quoteToken");
    }

    private static void quoteTokenNotGenuine(List<Case> cases) {
        token(cases, "quoteToken without a dot", token -> "abc");
        token(cases, "quoteToken garbage a.b", token -> "a.b");
        token(cases, "quoteToken with two dots", token -> token + ".c");
        token(cases, "quoteToken without payload", token -> token.substring(token.indexOf('.')));
        token(cases, "quoteToken without signature", token -> token.substring(0, token.indexOf('.') + 1));
        token(cases, "quoteToken signature altered", token -> flip(token, token.length() - 2));
        token(cases, "quoteToken payload altered", token -> flip(token, 3));
        token(cases, "quoteToken signature not base64url", token -> token.substring(0, token.indexOf('.')) + ".!!!");
        token(cases, "quoteToken signature extended", token -> token + "AA");
        token(cases, "quoteToken truncated", token -> token.substring(0, token.length() - 1));
        cases.add(new Case(
                "quoteToken signed with another key",
                t -> {
                    QuoteClaims claims = t.quote(RIDER_ID);
                    String forged = new io.ridemesh.common.quote.QuoteSigner(
                                    java.util.HexFormat.of().parseHex(OTHER_KEY_HEX))
                            .sign(claims);
                    return create(bodyWithToken(claims, forged), key());
                },
                422,
                "quoteToken"));
        cases.add(new Case(
                "quoteToken payload of one quote with the signature of another",
                t -> {
                    QuoteClaims claims = t.quote(RIDER_ID);
                    String genuine = Quotes.sign(claims);
                    String other = Quotes.sign(t.quote(RIDER_ID));
                    String spliced = genuine.substring(0, genuine.indexOf('.')) + other.substring(other.indexOf('.'));
                    return create(bodyWithToken(claims, spliced), key());
                },
                422,
                "quoteToken"));
    }

    private static void quoteExpired(List<Case> cases) {
        expired(cases, "quote expired 1 ms ago", Duration.ofMillis(-1));
        expired(cases, "quote expiring exactly now", Duration.ZERO);
        expired(cases, "quote expired a day ago", Duration.ofDays(-1));
    }

    private static void points(List<Case> cases) {
        for (String point : List.of("pickup", "dropoff")) {
            field(cases, point + " missing", body -> body.remove(point), 400, point);
            field(cases, point + " null", body -> body.put(point, null), 400, point);
            field(cases, point + " empty object", body -> body.put(point, new LinkedHashMap<>()), 400, point + ".lat");
            field(cases, point + " a string", body -> body.put(point, "here"), 400, point);
            field(cases, point + " an array", body -> body.put(point, List.of(40.7, -73.9)), 400, point);
            coordinate(cases, point, "lat", body -> body.remove("lat"), "missing");
            coordinate(cases, point, "lon", body -> body.remove("lon"), "missing");
            coordinate(cases, point, "lat", body -> body.put("lat", null), "null");
            coordinate(cases, point, "lat", body -> body.put("lat", "abc"), "a word");
            coordinate(cases, point, "lon", body -> body.put("lon", "-73.9"), "a numeric string");
        }
        coordinate(cases, "pickup", "lat", body -> body.put("lat", 91), "91");
        coordinate(cases, "pickup", "lat", body -> body.put("lat", -90.0001), "-90.0001");
        coordinate(cases, "pickup", "lat", body -> body.put("lat", 1000), "1000");
        coordinate(cases, "pickup", "lon", body -> body.put("lon", 180.5), "180.5");
        coordinate(cases, "pickup", "lon", body -> body.put("lon", -181), "-181");
        coordinate(cases, "pickup", "lat", body -> body.put("lat", true), "a boolean");
        coordinate(cases, "pickup", "lat", body -> body.put("lat", List.of()), "an array");
        coordinate(cases, "pickup", "lat", body -> body.put("lat", Map.of()), "an object");
        coordinate(cases, "dropoff", "lat", body -> body.put("lat", 90.5), "90.5");
        coordinate(cases, "dropoff", "lat", body -> body.put("lat", -91), "-91");
        coordinate(cases, "dropoff", "lon", body -> body.put("lon", 200), "200");
        coordinate(cases, "dropoff", "lon", body -> body.put("lon", -180.01), "-180.01");
        cases.add(new Case(
                "pickup.lat 1e400 (overflows a double)",
                t -> create(t.validJson().replaceFirst("\"lat\":40.758", "\"lat\":1e400"), key()),
                400,
                "pickup.lat"));
        outsideServiceArea(cases, "pickup in Paris", 48.8566, 2.3522);
        outsideServiceArea(cases, "pickup at 0,0", 0, 0);
        outsideServiceArea(cases, "pickup just south of the nyc unit", 40.44, -73.9);
        outsideServiceArea(cases, "pickup just west of the chicago unit", 41.8, -87.96);
    }

    private static void product(List<Case> cases) {
        field(cases, "product missing", body -> body.remove("product"), 400, "product");
        field(cases, "product null", body -> body.put("product", null), 400, "product");
        field(cases, "product empty", body -> body.put("product", ""), 400, "product");
        field(cases, "product unknown", body -> body.put("product", "TAXI"), 400, "product");
        field(cases, "product lower case", body -> body.put("product", "solo"), 400, "product");
        field(cases, "product with a leading space", body -> body.put("product", " SOLO"), 400, "product");
        field(cases, "product a number", body -> body.put("product", 1), 400, "product");
        field(cases, "product an array", body -> body.put("product", List.of("SOLO")), 400, "product");
        field(cases, "product an object", body -> body.put("product", Map.of()), 400, "product");
    }

    private static void seats(List<Case> cases) {
        field(cases, "seats missing", body -> body.remove("seats"), 400, "seats");
        field(cases, "seats null", body -> body.put("seats", null), 400, "seats");
        field(cases, "seats 0", body -> body.put("seats", 0), 400, "seats");
        field(cases, "seats -1", body -> body.put("seats", -1), 400, "seats");
        field(cases, "seats 5 for SOLO", body -> body.put("seats", 5), 400, "seats");
        field(
                cases,
                "seats 3 for POOL",
                body -> {
                    body.put("product", "POOL");
                    body.put("seats", 3);
                },
                400,
                "seats");
        field(cases, "seats 2.5", body -> body.put("seats", 2.5), 400, "seats");
        field(cases, "seats a numeric string", body -> body.put("seats", "2"), 400, "seats");
        field(cases, "seats beyond int", body -> body.put("seats", 2_147_483_648L), 400, "seats");
        field(cases, "seats a boolean", body -> body.put("seats", true), 400, "seats");
        field(cases, "seats an array", body -> body.put("seats", List.of(1)), 400, "seats");
        field(cases, "seats a million", body -> body.put("seats", 1_000_000), 400, "seats");
    }

    private static void quoteMismatch(List<Case> cases) {
        mismatch(
                cases,
                "pickup.lat differs from the quote",
                body -> point(body, "pickup").put("lat", Quotes.PICKUP_LAT + 0.001),
                "pickup");
        mismatch(
                cases,
                "pickup.lon differs from the quote",
                body -> point(body, "pickup").put("lon", Quotes.PICKUP_LON - 0.001),
                "pickup");
        mismatch(
                cases,
                "dropoff.lat differs from the quote",
                body -> point(body, "dropoff").put("lat", Quotes.DROPOFF_LAT + 0.01),
                "dropoff");
        mismatch(
                cases,
                "dropoff.lon differs from the quote",
                body -> point(body, "dropoff").put("lon", Quotes.DROPOFF_LON + 0.01),
                "dropoff");
        mismatch(cases, "product differs from the quote", body -> body.put("product", "POOL"), "product");
        mismatch(cases, "seats differ from the quote", body -> body.put("seats", 2), "seats");
        mismatch(
                cases,
                "pickup and dropoff swapped",
                body -> {
                    Object pickup = body.get("pickup");
                    body.put("pickup", body.get("dropoff"));
                    body.put("dropoff", pickup);
                },
                "pickup");
        cases.add(new Case(
                "quote priced in EUR for a USD unit",
                t -> {
                    QuoteClaims euro = Quotes.claims(
                            "SOLO",
                            1,
                            Quotes.PICKUP_LAT,
                            Quotes.PICKUP_LON,
                            Quotes.DROPOFF_LAT,
                            Quotes.DROPOFF_LON,
                            "EUR",
                            t.clock.instant().plusSeconds(300),
                            RIDER_ID);
                    return create(json(bodyWithToken(euro, Quotes.sign(euro))), key());
                },
                422,
                "quoteToken"));
    }

    private static void wholeBody(List<Case> cases) {
        raw(cases, "body malformed JSON", "{", "body");
        raw(cases, "body empty", "", "body");
        raw(cases, "body an array", "[]", "body");
        raw(cases, "body null", "null", "body");
        raw(cases, "body a number", "42", "body");
        raw(cases, "body a string", "\"ride please\"", "body");
        cases.add(new Case("body with trailing content", t -> create(t.validJson() + " x", key()), 400, null));
        cases.add(new Case(
                "body with a duplicate key",
                t -> create(t.validJson().replaceFirst("\\{", "{\"seats\":3,"), key()),
                400,
                null));
        cases.add(new Case(
                "body as text/plain", t -> create(t.validJson(), key()).contentType(MediaType.TEXT_PLAIN), 415, null));
        cases.add(new Case(
                "body as XML", t -> create(t.validJson(), key()).contentType(MediaType.APPLICATION_XML), 415, null));
        cases.add(new Case(
                "body without a content type",
                t -> post("/v1/rides")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(RIDER))
                        .header("Idempotency-Key", key())
                        .content(t.validJson()),
                415,
                null));
        cases.add(new Case(
                "body over 16 KiB",
                t -> {
                    Map<String, Object> body = t.validBody();
                    body.put("padding", "x".repeat(17 * 1024));
                    return create(json(body), key());
                },
                413,
                "body"));
        cases.add(new Case(
                "quoteToken of 20000 characters (body too large)",
                t -> {
                    Map<String, Object> body = t.validBody();
                    body.put("quoteToken", "q".repeat(20_000));
                    return create(json(body), key());
                },
                413,
                "body"));
    }

    private static void otherRoutes(List<Case> cases) {
        for (String id : List.of("abc", "-5", "0", "99999999999999999999", "1.5", "0x10")) {
            cases.add(new Case(
                    "GET /v1/rides/" + id,
                    t -> get("/v1/rides/" + id).header(HttpHeaders.AUTHORIZATION, Tokens.bearer(RIDER)),
                    400,
                    "id"));
        }
        cases.add(new Case(
                "POST /v1/rides/abc/cancel",
                t -> post("/v1/rides/abc/cancel").header(HttpHeaders.AUTHORIZATION, Tokens.bearer(RIDER)),
                400,
                "id"));
        cases.add(new Case(
                "POST /v1/rides/xyz/arrive",
                t -> post("/v1/rides/xyz/arrive").header(HttpHeaders.AUTHORIZATION, Tokens.bearer(DRIVER)),
                400,
                "id"));
        for (String status : List.of("DONE", "requested", "")) {
            cases.add(new Case(
                    "GET /v1/rides?status=" + status,
                    t -> get("/v1/rides")
                            .param("status", status)
                            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(RIDER)),
                    400,
                    "status"));
        }
        complete(
                cases,
                "complete: distance negative",
                "{\"actualDistanceMetres\":-1,\"actualDurationSeconds\":60}",
                "actualDistanceMetres");
        complete(cases, "complete: distance missing", "{\"actualDurationSeconds\":60}", "actualDistanceMetres");
        complete(cases, "complete: duration missing", "{\"actualDistanceMetres\":1000}", "actualDurationSeconds");
        complete(
                cases,
                "complete: duration negative",
                "{\"actualDistanceMetres\":1000,\"actualDurationSeconds\":-5}",
                "actualDurationSeconds");
        complete(
                cases,
                "complete: distance a word",
                "{\"actualDistanceMetres\":\"far\",\"actualDurationSeconds\":60}",
                "actualDistanceMetres");
        complete(
                cases,
                "complete: distance over 2000 km",
                "{\"actualDistanceMetres\":2000001,\"actualDurationSeconds\":60}",
                "actualDistanceMetres");
        complete(
                cases,
                "complete: duration over 48 h",
                "{\"actualDistanceMetres\":1000,\"actualDurationSeconds\":172801}",
                "actualDurationSeconds");
        complete(
                cases,
                "complete: distance a decimal",
                "{\"actualDistanceMetres\":10.5,\"actualDurationSeconds\":60}",
                "actualDistanceMetres");
        complete(cases, "complete: empty body", "", "body");
        assign(cases, "assign: driverId missing", "{}", "driverId");
        assign(cases, "assign: driverId empty", "{\"driverId\":\"\"}", "driverId");
        assign(cases, "assign: driverId 65 characters", "{\"driverId\":\"" + "d".repeat(65) + "\"}", "driverId");
        assign(cases, "assign: driverId with a space", "{\"driverId\":\"a b\"}", "driverId");
        assign(cases, "assign: driverId a number", "{\"driverId\":42}", "driverId");
        assign(cases, "assign: driverId null", "{\"driverId\":null}", "driverId");
    }

    // ------------------------------------------------------------------ builders

    private static void field(
            List<Case> cases, String name, Consumer<Map<String, Object>> change, int status, String field) {
        cases.add(new Case(
                name,
                t -> {
                    Map<String, Object> body = t.validBody();
                    change.accept(body);
                    return create(json(body), key());
                },
                status,
                field));
    }

    private static void coordinate(
            List<Case> cases, String point, String axis, Consumer<Map<String, Object>> change, String what) {
        field(
                cases,
                point + "." + axis + " " + what,
                body -> change.accept(point(body, point)),
                400,
                point + "." + axis);
    }

    private static void token(List<Case> cases, String name, Function<String, String> tamper) {
        cases.add(new Case(
                name,
                t -> {
                    QuoteClaims claims = t.quote(RIDER_ID);
                    return create(json(bodyWithToken(claims, tamper.apply(Quotes.sign(claims)))), key());
                },
                422,
                "quoteToken"));
    }

    private static void expired(List<Case> cases, String name, Duration fromNow) {
        cases.add(new Case(
                name,
                t -> {
                    QuoteClaims claims = Quotes.claims(
                            "SOLO",
                            1,
                            Quotes.PICKUP_LAT,
                            Quotes.PICKUP_LON,
                            Quotes.DROPOFF_LAT,
                            Quotes.DROPOFF_LON,
                            "USD",
                            t.clock.instant().plus(fromNow),
                            RIDER_ID);
                    return create(json(bodyWithToken(claims, Quotes.sign(claims))), key());
                },
                422,
                "quoteToken"));
    }

    private static void outsideServiceArea(List<Case> cases, String name, double lat, double lon) {
        cases.add(new Case(
                name,
                t -> {
                    QuoteClaims claims = Quotes.claims(
                            "SOLO",
                            1,
                            lat,
                            lon,
                            Quotes.DROPOFF_LAT,
                            Quotes.DROPOFF_LON,
                            "USD",
                            t.clock.instant().plusSeconds(300),
                            RIDER_ID);
                    return create(json(bodyWithToken(claims, Quotes.sign(claims))), key());
                },
                422,
                "pickup"));
    }

    private static void mismatch(List<Case> cases, String name, Consumer<Map<String, Object>> change, String field) {
        field(cases, name, change, 422, field);
    }

    private static void raw(List<Case> cases, String name, String body, String field) {
        cases.add(new Case(name, t -> create(body, key()), 400, field));
    }

    private static void complete(List<Case> cases, String name, String body, String field) {
        cases.add(new Case(
                name,
                t -> post("/v1/rides/1/complete")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(DRIVER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                400,
                field));
    }

    private static void assign(List<Case> cases, String name, String body, String field) {
        cases.add(new Case(
                name,
                t -> post("/v1/rides/1/assign")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(SERVICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body),
                400,
                field));
    }

    private static MockHttpServletRequestBuilder create(String body, @Nullable String idempotencyKey) {
        MockHttpServletRequestBuilder request = post("/v1/rides")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(RIDER))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey);
    }

    private static MockHttpServletRequestBuilder create(Map<String, Object> body, @Nullable String idempotencyKey) {
        return create(json(body), idempotencyKey);
    }

    /** A valid request body (fresh quote) as a mutable map, nested points mutable too. */
    private Map<String, Object> validBody() {
        QuoteClaims claims = quote(RIDER_ID);
        return bodyWithToken(claims, Quotes.sign(claims));
    }

    private String validJson() {
        return json(validBody());
    }

    private static Map<String, Object> bodyWithToken(QuoteClaims claims, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quoteToken", token);
        body.put("pickup", mutablePoint(claims.pickupLat(), claims.pickupLon()));
        body.put("dropoff", mutablePoint(claims.dropoffLat(), claims.dropoffLon()));
        body.put("product", claims.product());
        body.put("seats", claims.seats());
        return body;
    }

    private static Map<String, Object> mutablePoint(double lat, double lon) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("lat", lat);
        point.put("lon", lon);
        return point;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> point(Map<String, Object> body, String name) {
        return (Map<String, Object>) body.get(name);
    }

    private static String json(Map<String, Object> body) {
        return JSON.writeValueAsString(body);
    }

    private static String flip(String text, int index) {
        char c = text.charAt(index);
        char replacement = c == 'A' ? 'B' : 'A';
        return text.substring(0, index) + replacement + text.substring(index + 1);
    }
}
