package io.ridemesh.contract.ride;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The contract's example messages, one of every event type ({@code examples.jsonl} beside this class, shipped in the
 * test jar): producers check that what they write decodes like them, consumers that they handle every one.
 */
public final class RideMessageExamples {

    private RideMessageExamples() {}

    /** Every example, one JSON object a line. */
    public static List<String> all() {
        try (InputStream in = RideMessageExamples.class.getResourceAsStream("examples.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("examples.jsonl is missing beside " + RideMessageExamples.class);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(l -> !l.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example of {@code eventType}. */
    public static String of(String eventType) {
        return all().stream()
                .filter(l -> l.contains("\"eventType\":\"" + eventType + "\""))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no example of " + eventType));
    }
}
