package io.ridemesh.sync.capture;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Per-event cost of capture's mapping, old path (JsonConverter text, parsed into a tree, mapped,
 * written again) against the Connect path ({@link DebeziumEventMapper} on the Struct). Prints,
 * asserts nothing; runs only with {@code -Dsync.bench=true}:
 *
 * <pre>mvn -o -B test -pl sync-sink -Dtest=DebeziumEventMapperBenchmarkTest -Dsync.bench=true</pre>
 *
 * <p>Each round maps {@value #EVENTS} events cycling over {@value #DISTINCT} distinct records of
 * one table shape; the paths alternate round by round so machine noise hits both; the best and
 * the median of the measured rounds are printed with the bytes allocated per event.
 */
@EnabledIfSystemProperty(named = "sync.bench", matches = "true")
class DebeziumEventMapperBenchmarkTest {

    private static final int EVENTS = 200_000;
    private static final int DISTINCT = 1_000;
    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 7;

    @Test
    void printsTheMappingCostPerEvent() {
        DebeziumRecords records = DebeziumEventMapperTest.RECORDS;
        List<SourceRecord> items = new ArrayList<>();
        List<SourceRecord> rides = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            long id = 1_000_000L + i;
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id);
            item.put("payload", "payload-" + id + "-" + "x".repeat(40));
            item.put("version", 1L);
            item.put("hlc", 117_655_978_893_312_000L + i);
            item.put("origin_region", 1);
            item.put("deleted", 0);
            item.put("applied_us", null);
            items.add(records.insert("synctest.bench_items", item));
            rides.add(records.update(
                    "rides.rides",
                    DebeziumEventMapperTest.ride(id, 1, 100 + i, 1),
                    DebeziumEventMapperTest.completedRide(id, 2, 200 + i, 1)));
        }
        System.out.printf(
                "%nmapping cost per event, %d events per round, best / median of %d rounds (after %d warm-up)%n",
                EVENTS, ROUNDS, WARMUP_ROUNDS);
        measure("bench_items insert (7 columns)", records, items);
        measure("rides update (all 32 columns, before + after)", records, rides);
    }

    private static void measure(String shape, DebeziumRecords records, List<SourceRecord> events) {
        DebeziumEventMapper mapper = new DebeziumEventMapper("a", 1);
        LegacyJsonEventMapper legacy = new LegacyJsonEventMapper("a", 1);
        List<String[]> json = events.stream().map(records::asJson).toList();
        Map<String, ToLongFunction<Integer>> paths = new LinkedHashMap<>();
        paths.put("old: JsonConverter + parse + map + write", i -> {
            String[] kv = records.asJson(events.get(i));
            return legacy.map(kv[0], kv[1]).orElseThrow().value().length();
        });
        paths.put("old: parse + map + write only (JSON given)", i -> {
            String[] kv = json.get(i);
            return legacy.map(kv[0], kv[1]).orElseThrow().value().length();
        });
        paths.put(
                "new: Struct -> JSON",
                i -> mapper.map(events.get(i)).orElseThrow().value().length());
        Map<String, double[]> nanos = new LinkedHashMap<>();
        Map<String, double[]> bytes = new LinkedHashMap<>();
        paths.keySet().forEach(k -> {
            nanos.put(k, new double[ROUNDS]);
            bytes.put(k, new double[ROUNDS]);
        });
        long sink = 0;
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            for (Map.Entry<String, ToLongFunction<Integer>> path : paths.entrySet()) {
                long allocated0 = allocatedBytes();
                long t0 = System.nanoTime();
                for (int n = 0; n < EVENTS; n++) {
                    sink += path.getValue().applyAsLong(n % events.size());
                }
                long elapsed = System.nanoTime() - t0;
                long allocated = allocatedBytes() - allocated0;
                if (round >= 0) {
                    nanos.get(path.getKey())[round] = (double) elapsed / EVENTS;
                    bytes.get(path.getKey())[round] = (double) allocated / EVENTS;
                }
            }
        }
        System.out.printf("%s:%n", shape);
        for (String path : paths.keySet()) {
            double[] ns = nanos.get(path).clone();
            double[] b = bytes.get(path).clone();
            Arrays.sort(ns);
            Arrays.sort(b);
            System.out.printf(
                    "  %-45s %8.0f / %8.0f ns/event  %8.0f B/event%n", path, ns[0], ns[ROUNDS / 2], b[ROUNDS / 2]);
        }
        System.out.printf("  (checksum %d)%n", sink);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
