package io.ridemesh.gateway.routing.web;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.gateway.routing.domain.InvalidRoutingInput;
import io.ridemesh.gateway.routing.domain.RoutingKey;
import java.util.Objects;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request's {@link RoutingKey}. Body keys read the whole body (at most {@code maxBodyBytes}, 413 beyond) and
 * hand on an exchange whose request replays the same bytes to the service, which sees the body unchanged.
 *
 * <p>Thread-safe; non-blocking. Errors: {@link InvalidRoutingInput} naming the field (missing, not a number, out of
 * range, malformed JSON).
 */
public final class RoutingKeyExtractor {

    /** The header driver apps send with calls that carry no coordinates: the unit of their last known location. */
    public static final String UNIT_HEADER = "X-Unit";

    private final JsonMapper json;
    private final int maxBodyBytes;

    public RoutingKeyExtractor(JsonMapper json, int maxBodyBytes) {
        this.json = Objects.requireNonNull(json, "json");
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The key and the exchange to continue with (a body-replaying one for body keys). */
    public record Extraction(RoutingKey key, ServerWebExchange exchange) {}

    public Mono<Extraction> extract(ServerWebExchange exchange, KeySource source) {
        return switch (source) {
            case PICKUP -> body(exchange, root -> point(root.path("pickup"), "pickup"));
            case LOCATION -> body(exchange, root -> point(root, ""));
            case LAST_POINT -> body(exchange, RoutingKeyExtractor::lastPoint);
            case RIDE_ID -> Mono.fromCallable(() -> new Extraction(id(exchange, "rideId"), exchange));
            case OFFER_ID -> Mono.fromCallable(() -> new Extraction(id(exchange, "offerId"), exchange));
            case UNIT_HEADER ->
                Mono.just(new Extraction(
                        new RoutingKey.UnitReference(
                                UNIT_HEADER, exchange.getRequest().getHeaders().getFirst(UNIT_HEADER)),
                        exchange));
            case LOCAL -> Mono.just(new Extraction(new RoutingKey.Local(), exchange));
        };
    }

    private interface BodyParser {
        RoutingKey parse(JsonNode root);
    }

    private Mono<Extraction> body(ServerWebExchange exchange, BodyParser parser) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes)
                .map(RoutingKeyExtractor::bytes)
                .onErrorMap(
                        DataBufferLimitException.class,
                        e -> new ResponseStatusException(
                                HttpStatus.CONTENT_TOO_LARGE, "request body is larger than " + maxBodyBytes + " bytes"))
                .defaultIfEmpty(new byte[0])
                .map(bytes -> {
                    JsonNode root;
                    try {
                        root = bytes.length == 0 ? null : json.readTree(bytes);
                    } catch (JacksonException e) {
                        throw new InvalidRoutingInput("body", "request body must be JSON: " + e.getOriginalMessage());
                    }
                    if (root == null || !root.isObject()) {
                        throw new InvalidRoutingInput("body", "request body must be a JSON object");
                    }
                    RoutingKey key = parser.parse(root);
                    return new Extraction(key, replaying(exchange, bytes));
                });
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private static ServerWebExchange replaying(ServerWebExchange exchange, byte[] bytes) {
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                // a fresh buffer per subscription: the service call may be retried by the client side
                return Flux.defer(
                        () -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
            }
        };
        return exchange.mutate().request(request).build();
    }

    private static RoutingKey point(JsonNode node, String field) {
        String prefix = field.isEmpty() ? "" : field + ".";
        String name = field.isEmpty() ? "location" : field;
        if (!node.isObject()) {
            throw new InvalidRoutingInput(name, name + " must be an object {lat, lon}, but was " + describe(node));
        }
        double lat = coordinate(node, prefix + "lat", "lat", 90);
        double lon = coordinate(node, prefix + "lon", "lon", 180);
        return new RoutingKey.Point(name, new GeoPoint(lat, lon));
    }

    private static double coordinate(JsonNode node, String path, String property, double limit) {
        JsonNode value = node.path(property);
        if (!value.isNumber()) {
            throw new InvalidRoutingInput(path, path + " must be a number, but was " + describe(value));
        }
        double v = value.doubleValue();
        if (!(v >= -limit && v <= limit)) {
            throw new InvalidRoutingInput(
                    path, path + " must be in -" + (int) limit + ".." + (int) limit + ", but was " + v);
        }
        return v;
    }

    private static RoutingKey lastPoint(JsonNode root) {
        JsonNode points = root.path("points");
        if (!points.isArray() || points.isEmpty()) {
            throw new InvalidRoutingInput("points", "points must be a non-empty array, but was " + describe(points));
        }
        int last = points.size() - 1;
        return point(points.get(last), "points[" + last + "]");
    }

    private static RoutingKey id(ServerWebExchange exchange, String field) {
        String raw = ServerWebExchangeUtils.getUriTemplateVariables(exchange).get("id");
        if (raw == null || raw.isEmpty() || raw.length() > 19 || !raw.chars().allMatch(Character::isDigit)) {
            throw new InvalidRoutingInput(field, field + " must be a decimal global id, but was '" + raw + "'");
        }
        try {
            return new RoutingKey.EntityId(field, Long.parseLong(raw));
        } catch (NumberFormatException e) {
            throw new InvalidRoutingInput(field, field + " must be a decimal global id, but was '" + raw + "'");
        }
    }

    private static String describe(JsonNode node) {
        if (node.isMissingNode()) {
            return "absent";
        }
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
