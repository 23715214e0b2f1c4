package io.ridemesh.common.unit;

import io.ridemesh.common.geo.GeoBox;
import io.ridemesh.common.geo.GeoPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The units of the platform, looked up by id, code or point: the one map every service, the trip reader and the demo
 * read ({@link #standard()}). Immutable; thread-safe.
 *
 * <p>Areas must not overlap, so a point belongs to at most one unit whichever service asks.
 */
public final class UnitMap {

    /** Classpath resource of the standard map: {@code io/ridemesh/common/unit/units.properties}. */
    public static final String RESOURCE = "units.properties";

    private static final Pattern KEY = Pattern.compile("unit\\.(\\d+)\\.([a-z-]+)");
    private static final List<String> FIELDS =
            List.of("code", "name", "area", "home-region", "timezone", "currency", "tariff-zone");
    private static final UnitMap STANDARD = load();

    private final List<UnitDefinition> units;

    /**
     * @param units at least one; ids and codes unique, areas disjoint
     * @throws IllegalArgumentException if empty, an id or code repeats, or two areas overlap
     */
    public UnitMap(List<UnitDefinition> units) {
        this.units = units.stream()
                .sorted(Comparator.comparingInt(UnitDefinition::id))
                .toList();
        if (this.units.isEmpty()) {
            throw new IllegalArgumentException("units must not be empty, but was []");
        }
        long ids = this.units.stream().mapToInt(UnitDefinition::id).distinct().count();
        long codes = this.units.stream().map(UnitDefinition::code).distinct().count();
        if (ids != this.units.size() || codes != this.units.size()) {
            throw new IllegalArgumentException("unit ids and codes must be unique, but were " + this.units);
        }
        for (int i = 0; i < this.units.size(); i++) {
            for (int j = i + 1; j < this.units.size(); j++) {
                if (this.units.get(i).area().intersects(this.units.get(j).area())) {
                    throw new IllegalArgumentException("unit areas must not overlap, but "
                            + this.units.get(i).code() + " and "
                            + this.units.get(j).code() + " do");
                }
            }
        }
    }

    /** The platform's units, read once from {@link #RESOURCE} beside this class. */
    public static UnitMap standard() {
        return STANDARD;
    }

    /**
     * Parses a map in the format of {@link #RESOURCE}: {@code unit.<id>.<field>=value} with the fields {@code code,
     * name, area (minLat,maxLat,minLon,maxLon), home-region, timezone, currency, tariff-zone}.
     *
     * @throws IllegalArgumentException naming the key, if a key is unknown, a field missing or a value malformed
     */
    public static UnitMap parse(Properties properties) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = KEY.matcher(key);
            if (!m.matches() || !FIELDS.contains(m.group(2))) {
                throw new IllegalArgumentException(
                        "unknown key '" + key + "', expected unit.<id>.<one of " + FIELDS + ">");
            }
            ids.add(Integer.parseInt(m.group(1)));
        }
        List<UnitDefinition> units = new ArrayList<>();
        for (int id : ids) {
            String prefix = "unit." + id + ".";
            units.add(new UnitDefinition(
                    id,
                    required(properties, prefix + "code"),
                    required(properties, prefix + "name"),
                    box(prefix + "area", required(properties, prefix + "area")),
                    integer(prefix + "home-region", required(properties, prefix + "home-region")),
                    zone(prefix + "timezone", required(properties, prefix + "timezone")),
                    required(properties, prefix + "currency"),
                    required(properties, prefix + "tariff-zone")));
        }
        return new UnitMap(units);
    }

    /** Every unit, by ascending id. */
    public List<UnitDefinition> all() {
        return units;
    }

    public Optional<UnitDefinition> byId(int id) {
        return units.stream().filter(u -> u.id() == id).findFirst();
    }

    public Optional<UnitDefinition> byCode(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst();
    }

    /** The unit whose area holds {@code point}, edges included; empty outside every area. */
    public Optional<UnitDefinition> at(GeoPoint point) {
        return at(point.lat(), point.lon());
    }

    /** The unit whose area holds ({@code lat}, {@code lon}) in degrees; empty outside every area or for NaN. */
    public Optional<UnitDefinition> at(double lat, double lon) {
        for (UnitDefinition u : units) {
            if (u.area().contains(lat, lon)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "UnitMap" + units;
    }

    private static UnitMap load() {
        try (InputStream in = UnitMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "classpath resource io/ridemesh/common/unit/" + RESOURCE + " is missing");
            }
            Properties p = new Properties();
            p.load(in);
            return parse(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must be set");
        }
        return value.strip();
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, but was '" + value + "'", e);
        }
    }

    private static ZoneId zone(String key, String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(key + " must be an IANA zone id, but was '" + value + "'", e);
        }
    }

    private static GeoBox box(String key, String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException(key + " must be minLat,maxLat,minLon,maxLon, but was '" + value + "'");
        }
        double[] d = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                d[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        key + " must be minLat,maxLat,minLon,maxLon in degrees, but was '" + value + "'", e);
            }
        }
        try {
            return new GeoBox(d[0], d[1], d[2], d[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
