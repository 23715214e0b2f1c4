package io.ridemesh.pricing.application;

import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.pricing.domain.CityCalibration;
import io.ridemesh.pricing.domain.PricingModel;
import io.ridemesh.pricing.domain.ServiceUnit;
import io.ridemesh.pricing.domain.ServiceUnits;
import io.ridemesh.pricing.domain.Surcharge;
import io.ridemesh.pricing.domain.Tariff;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the pricing model from its two JSON files: {@code pricing-tariffs.json} (rate cards by tariff zone, with
 * their sources; edited by hand; the units, their areas and zones come from {@link UnitMap#standard()}) and {@code pricing-calibration.json} (estimator parameters; written by
 * {@code Calibrate}). Works without a Spring context so command-line tools can use it. Stateless; thread-safe.
 */
public final class PricingModelLoader {

    /** Classpath name of the tariffs file. */
    public static final String TARIFFS_RESOURCE = "pricing-tariffs.json";
    /** Classpath name of the calibration file. */
    public static final String CALIBRATION_RESOURCE = "pricing-calibration.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PricingModelLoader() {}

    /**
     * Both files from the classpath.
     *
     * @throws IllegalStateException if a file is missing or invalid, naming the file and the field
     */
    public static PricingModel fromClasspath() {
        return new PricingModel(units(classpath(TARIFFS_RESOURCE)), calibrations(classpath(CALIBRATION_RESOURCE)));
    }

    /**
     * Each file from {@code path} when given, else from the classpath.
     *
     * @throws IllegalStateException if a file is missing or invalid, naming the file and the field
     */
    public static PricingModel load(@Nullable Path tariffs, @Nullable Path calibration) {
        return new PricingModel(
                units(tariffs == null ? classpath(TARIFFS_RESOURCE) : file(tariffs)),
                calibrations(calibration == null ? classpath(CALIBRATION_RESOURCE) : file(calibration)));
    }

    /** The units of a tariffs file (from the classpath when {@code path} is null). */
    public static ServiceUnits units(@Nullable Path path) {
        return units(path == null ? classpath(TARIFFS_RESOURCE) : file(path));
    }

    static ServiceUnits units(Source source) {
        return units(source, UnitMap.standard());
    }

    /**
     * The pricing units of {@code map}: each unit with the rate cards of its tariff zone
     * ({@link UnitDefinition#tariffZone()}) in the file's {@code tariffZones}. Areas, zones and currencies come from
     * the unit map, never from the tariffs file.
     *
     * @throws IllegalStateException naming the file, if a unit's tariff zone is missing, a zone is listed twice or
     *     names no unit, or a card is invalid
     */
    static ServiceUnits units(Source source, UnitMap map) {
        JsonNode root = source.json();
        Map<String, JsonNode> zones = new HashMap<>();
        for (JsonNode z : required(source, root, "tariffZones")) {
            String code = text(source, z, "code");
            if (zones.put(code, z) != null) {
                throw new IllegalStateException(source.name() + ": tariff zone " + code + " is listed twice");
            }
        }
        List<ServiceUnit> units = new ArrayList<>();
        for (UnitDefinition u : map.all()) {
            JsonNode zone = zones.remove(u.tariffZone());
            if (zone == null) {
                throw new IllegalStateException(source.name() + ": tariffZones has no zone '" + u.tariffZone()
                        + "' for unit " + u.code() + " (the unit map names it)");
            }
            try {
                List<Tariff> tariffs = new ArrayList<>();
                for (JsonNode t : required(source, zone, "tariffs")) {
                    tariffs.add(tariff(source, t));
                }
                units.add(new ServiceUnit(u, tariffs));
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        source.name() + ": tariff zone " + u.tariffZone() + ": " + e.getMessage(), e);
            }
        }
        if (!zones.isEmpty()) {
            throw new IllegalStateException(
                    source.name() + ": tariff zones " + zones.keySet() + " belong to no unit of the unit map");
        }
        return new ServiceUnits(units);
    }

    private static Tariff tariff(Source source, JsonNode t) {
        List<Surcharge> surcharges = new ArrayList<>();
        for (JsonNode s : t.path("surcharges")) {
            String name = text(source, s, "name");
            long cents = (long) number(source, s, "cents");
            if (s.has("from") || s.has("until")) {
                Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
                if (s.has("days")) {
                    days = EnumSet.noneOf(DayOfWeek.class);
                    for (JsonNode d : s.get("days")) {
                        days.add(DayOfWeek.valueOf(d.asString().toUpperCase(Locale.ROOT)));
                    }
                }
                surcharges.add(new Surcharge.Daily(
                        name,
                        cents,
                        LocalTime.parse(text(source, s, "from")),
                        LocalTime.parse(text(source, s, "until")),
                        days));
            } else {
                surcharges.add(new Surcharge.Always(name, cents));
            }
        }
        JsonNode from = t.path("effectiveFrom");
        return new Tariff(
                text(source, t, "name"),
                from.isMissingNode() || from.isNull() ? null : LocalDate.parse(from.asString()),
                (long) number(source, t, "initialChargeCents"),
                number(source, t, "distanceIncrementMetres"),
                (long) number(source, t, "distanceIncrementCents"),
                (long) number(source, t, "timeIncrementSeconds"),
                (long) number(source, t, "timeIncrementCents"),
                surcharges,
                t.path("firstExtraPassengerCents").asLong(0),
                t.path("furtherExtraPassengerCents").asLong(0),
                text(source, t, "source"));
    }

    /** The calibrations of a calibration file (from the classpath when {@code path} is null). */
    public static Map<String, CityCalibration> calibrations(@Nullable Path path) {
        return calibrations(path == null ? classpath(CALIBRATION_RESOURCE) : file(path));
    }

    static Map<String, CityCalibration> calibrations(Source source) {
        JsonNode root = source.json();
        Map<String, CityCalibration> result = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : required(source, root, "units").properties()) {
            JsonNode c = e.getValue();
            try {
                List<Double> hours = new ArrayList<>();
                for (JsonNode h : required(source, c, "hourLogIntercept")) {
                    hours.add(h.asDouble());
                }
                Map<String, Double> cells = new HashMap<>();
                for (Map.Entry<String, JsonNode> cell : c.path("cellLogFactors").properties()) {
                    cells.put(cell.getKey(), cell.getValue().asDouble());
                }
                result.put(
                        e.getKey(),
                        new CityCalibration(
                                e.getKey(),
                                (long) number(source, c, "trips"),
                                number(source, c, "detourFactor"),
                                number(source, c, "accessMetres"),
                                number(source, c, "durationExponent"),
                                hours,
                                (int) number(source, c, "cellResolution"),
                                cells,
                                number(source, c, "cruiseSpeedMps")));
            } catch (RuntimeException ex) {
                throw new IllegalStateException(
                        source.name() + ": calibration of " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return result;
    }

    private static JsonNode required(Source source, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalStateException(source.name() + ": missing field '" + field + "'");
        }
        return v;
    }

    private static String text(Source source, JsonNode node, String field) {
        JsonNode v = required(source, node, field);
        if (!v.isString()) {
            throw new IllegalStateException(source.name() + ": field '" + field + "' must be a string, but was " + v);
        }
        return v.asString();
    }

    private static double number(Source source, JsonNode node, String field) {
        JsonNode v = required(source, node, field);
        if (!v.isNumber()) {
            throw new IllegalStateException(source.name() + ": field '" + field + "' must be a number, but was " + v);
        }
        return v.asDouble();
    }

    private static Source classpath(String name) {
        return new Source("classpath:" + name, () -> {
            InputStream in = PricingModelLoader.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("classpath:" + name + " not found");
            }
            return in;
        });
    }

    private static Source file(Path path) {
        return new Source(path.toString(), () -> Files.newInputStream(path));
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    record Source(String name, Opener opener) {
        JsonNode json() {
            try (InputStream in = opener.open()) {
                return JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": cannot read", e);
            } catch (JacksonException e) {
                throw new IllegalStateException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
    }
}
