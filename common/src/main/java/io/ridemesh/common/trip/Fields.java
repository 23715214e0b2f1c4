package io.ridemesh.common.trip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Column access by header name plus the number conversions every layout shares. Throws {@link NumberFormatException}
 * or {@link ArithmeticException} for malformed cells; the reader counts those rows as {@link SkipReason#UNPARSEABLE}.
 */
final class Fields {

    /** International mile in metres (exact, by the 1959 international yard and pound agreement). */
    static final double METRES_PER_MILE = 1609.344;

    private final Map<String, Integer> index;
    private final List<String> cells;

    Fields(Map<String, Integer> index, List<String> cells) {
        this.index = index;
        this.cells = cells;
    }

    String get(String column) {
        Integer i = index.get(column);
        if (i == null || i >= cells.size()) {
            return "";
        }
        return cells.get(i).strip();
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    boolean blank(String column) {
        return get(column).isEmpty();
    }

    double decimal(String column) {
        double v = Double.parseDouble(get(column));
        if (!Double.isFinite(v)) {
            throw new NumberFormatException(column + " is not finite: " + get(column));
        }
        return v;
    }

    /** A dollar amount such as {@code 12.45} as exact integer cents, half-up. */
    long cents(String column) {
        return new BigDecimal(get(column))
                .movePointRight(2)
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Miles to whole metres, half-up. */
    long milesAsMetres(String column) {
        return Math.round(decimal(column) * METRES_PER_MILE);
    }

    /** Whole seconds; Chicago writes some as {@code 540.0}. */
    long seconds(String column) {
        return Math.round(decimal(column));
    }
}
