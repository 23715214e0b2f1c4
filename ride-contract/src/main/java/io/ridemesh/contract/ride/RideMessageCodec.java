package io.ridemesh.contract.ride;

import io.ridemesh.contract.ride.RideMessage.DriverArrived;
import io.ridemesh.contract.ride.RideMessage.DriverAssigned;
import io.ridemesh.contract.ride.RideMessage.DriverReleased;
import io.ridemesh.contract.ride.RideMessage.Envelope;
import io.ridemesh.contract.ride.RideMessage.NoDriverAvailable;
import io.ridemesh.contract.ride.RideMessage.Point;
import io.ridemesh.contract.ride.RideMessage.RideCancelled;
import io.ridemesh.contract.ride.RideMessage.RideCompleted;
import io.ridemesh.contract.ride.RideMessage.RideRequested;
import io.ridemesh.contract.ride.RideMessage.RideStarted;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@link RideMessage}s: one flat object, {@code {eventId, eventType, schemaVersion, rideId, unitId,
 * occurredAt, occurredAtMs, hlc, ...the type's fields}}, ids as decimal strings.
 *
 * <p><b>Compatibility rule.</b> Version {@value #SCHEMA_VERSION}. Within a version a producer may only add: new
 * optional fields and new event types. A consumer therefore ignores fields it does not know and event types it does
 * not know ({@link #decode} returns empty), and treats a message without {@code schemaVersion} as version 1 (messages
 * written before the field existed). Removing, renaming or changing the meaning of a field is a new version; a consumer
 * refuses a version above the one it knows ({@link RideMessageRejected}), so it never misreads one, and producers move
 * to a new version only after every consumer reads it.
 *
 * <p>Stateless; thread-safe.
 */
public final class RideMessageCodec {

    /** The version this codec writes and the highest it reads. */
    public static final int SCHEMA_VERSION = 1;

    private final JsonMapper json;

    public RideMessageCodec(JsonMapper json) {
        this.json = json;
    }

    /** A codec with a default Jackson mapper. */
    public static RideMessageCodec standard() {
        return new RideMessageCodec(JsonMapper.builder().build());
    }

    /** The message's JSON. */
    public String encode(RideMessage message) {
        ObjectNode o = json.createObjectNode();
        Envelope e = message.envelope();
        o.put("eventId", Long.toString(e.eventId()));
        o.put("eventType", message.eventType());
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("rideId", Long.toString(e.rideId()));
        o.put("unitId", e.unitId());
        o.put("occurredAt", Instant.ofEpochMilli(e.occurredAtMs()).toString());
        o.put("occurredAtMs", e.occurredAtMs());
        o.put("hlc", e.hlc());
        switch (message) {
            case RideRequested m -> {
                o.put("riderId", m.riderId());
                o.put("product", m.product());
                o.put("seats", m.seats());
                point(o.putObject("pickup"), m.pickup());
                point(o.putObject("dropoff"), m.dropoff());
                o.put("quoteId", m.quoteId());
                o.put("quotedFareCents", m.quotedFareCents());
                o.put("currency", m.currency());
                o.put("quotedDistanceMetres", m.quotedDistanceMetres());
                o.put("quotedDurationSeconds", m.quotedDurationSeconds());
            }
            case DriverAssigned m -> {
                o.put("driverId", m.driverId());
                o.put("by", m.by());
            }
            case DriverArrived m -> o.put("driverId", m.driverId());
            case RideStarted m -> o.put("driverId", m.driverId());
            case DriverReleased m -> o.put("driverId", m.driverId());
            case RideCompleted m -> {
                o.put("driverId", m.driverId());
                o.put("actualDistanceMetres", m.actualDistanceMetres());
                o.put("actualDurationSeconds", m.actualDurationSeconds());
                o.put("finalFareCents", m.finalFareCents());
                o.put("currency", m.currency());
                o.put("repriced", m.repriced());
            }
            case RideCancelled m -> {
                o.put("status", m.status());
                o.put("driverId", m.driverId());
                o.put("cancellationFeeCents", m.cancellationFeeCents());
                o.put("currency", m.currency());
            }
            case NoDriverAvailable m -> {
                // the envelope only
            }
        }
        return json.writeValueAsString(o);
    }

    /**
     * The message in {@code text}; empty for an event type this version does not know (skip it).
     *
     * @throws RideMessageRejected naming the field, if the text is not JSON, its version is above {@link
     *     #SCHEMA_VERSION}, or a field of a known type is missing or of the wrong type
     */
    public Optional<RideMessage> decode(String text) {
        JsonNode o;
        try {
            o = json.readTree(text);
        } catch (JacksonException ex) {
            throw new RideMessageRejected("a ride event must be a JSON object: " + ex.getOriginalMessage(), ex);
        }
        if (o == null || !o.isObject()) {
            throw new RideMessageRejected("a ride event must be a JSON object, but was " + text);
        }
        JsonNode version = o.get("schemaVersion");
        if (version != null && !version.isNull()) {
            if (!version.isIntegralNumber() || version.asInt() < 1) {
                throw new RideMessageRejected("schemaVersion must be an integer >= 1, but was " + version);
            }
            if (version.asInt() > SCHEMA_VERSION) {
                throw new RideMessageRejected("schemaVersion " + version.asInt() + " is newer than this reader's "
                        + SCHEMA_VERSION + ": upgrade the consumer before the producer");
            }
        }
        String type = text(o, "eventType");
        long rideId = id(o, "rideId");
        RideMessage message;
        try {
            Envelope e = new Envelope(
                    id(o, "eventId"),
                    rideId,
                    integer(o, "unitId"),
                    occurredAtMs(o),
                    o.has("hlc") ? number(o, "hlc") : 0);
            message = switch (type) {
                case "RideRequested" ->
                    new RideRequested(
                            e,
                            text(o, "riderId"),
                            text(o, "product"),
                            o.has("seats") ? integer(o, "seats") : 1,
                            point(o, "pickup"),
                            point(o, "dropoff"),
                            text(o, "quoteId"),
                            number(o, "quotedFareCents"),
                            text(o, "currency"),
                            number(o, "quotedDistanceMetres"),
                            number(o, "quotedDurationSeconds"));
                case "DriverAssigned" -> new DriverAssigned(e, text(o, "driverId"), text(o, "by"));
                case "DriverArrived" -> new DriverArrived(e, text(o, "driverId"));
                case "RideStarted" -> new RideStarted(e, text(o, "driverId"));
                case "DriverReleased" -> new DriverReleased(e, text(o, "driverId"));
                case "RideCompleted" ->
                    new RideCompleted(
                            e,
                            text(o, "driverId"),
                            number(o, "actualDistanceMetres"),
                            number(o, "actualDurationSeconds"),
                            number(o, "finalFareCents"),
                            text(o, "currency"),
                            bool(o, "repriced"));
                case "RideCancelled" ->
                    new RideCancelled(
                            e,
                            text(o, "status"),
                            nullableText(o, "driverId"),
                            number(o, "cancellationFeeCents"),
                            text(o, "currency"));
                case "NoDriverAvailable" -> new NoDriverAvailable(e);
                default -> null;
            };
        } catch (RideMessageRejected ex) {
            throw ex;
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw new RideMessageRejected(type + ": " + ex.getMessage(), ex);
        }
        return Optional.ofNullable(message);
    }

    private static void point(ObjectNode node, Point p) {
        node.put("lat", p.lat());
        node.put("lon", p.lon());
    }

    private static long occurredAtMs(JsonNode o) {
        JsonNode ms = o.get("occurredAtMs");
        if (ms != null && ms.isIntegralNumber()) {
            return ms.asLong();
        }
        String iso = text(o, "occurredAt");
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (RuntimeException ex) {
            throw new RideMessageRejected("occurredAt must be an ISO-8601 instant, but was '" + iso + "'", ex);
        }
    }

    private static Point point(JsonNode o, String name) {
        JsonNode p = o.get(name);
        if (p == null || !p.path("lat").isNumber() || !p.path("lon").isNumber()) {
            throw new RideMessageRejected(name + " must be {lat, lon} numbers, but was " + p);
        }
        return new Point(p.get("lat").asDouble(), p.get("lon").asDouble());
    }

    private static long id(JsonNode o, String name) {
        String value = text(o, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException ex) {
            throw new RideMessageRejected(name + " must be a decimal id, but was '" + value + "'", ex);
        }
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || v.isNull()) {
            throw new RideMessageRejected(name + " is required");
        }
        if (!v.isString() && !v.isNumber()) {
            throw new RideMessageRejected(name + " must be a string, but was " + v);
        }
        return v.asString();
    }

    private static @Nullable String nullableText(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v == null || v.isNull() ? null : text(o, name);
    }

    private static long number(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || !v.isIntegralNumber()) {
            throw new RideMessageRejected(name + " must be an integer, but was " + v);
        }
        return v.asLong();
    }

    private static int integer(JsonNode o, String name) {
        long v = number(o, name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new RideMessageRejected(name + " must be a 32-bit integer, but was " + v);
        }
        return (int) v;
    }

    private static boolean bool(JsonNode o, String name) {
        JsonNode v = o.get(name);
        if (v == null || !v.isBoolean()) {
            throw new RideMessageRejected(name + " must be a boolean, but was " + v);
        }
        return v.asBoolean();
    }
}
