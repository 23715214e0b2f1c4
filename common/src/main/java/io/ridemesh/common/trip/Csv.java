package io.ridemesh.common.trip;

import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4180 field splitting and quoting for single-line records. Stateless; thread-safe. */
final class Csv {

    private Csv() {}

    /** Splits one line; double quotes delimit fields that contain commas, {@code ""} inside them is a quote. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(20);
        StringBuilder field = new StringBuilder(16);
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** Quotes {@code value} when it holds a comma, quote or line break. */
    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
