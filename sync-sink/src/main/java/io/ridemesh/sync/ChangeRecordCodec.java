package io.ridemesh.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.TreeMap;

/** JSON encoding of {@link ChangeRecord}s and primary keys. Thread-safe. */
public final class ChangeRecordCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, false);

    private ChangeRecordCodec() {}

    public static String encode(ChangeRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode change record of " + record.qualifiedTable(), e);
        }
    }

    /**
     * @throws PoisonRecord if the text is not a change record
     */
    public static ChangeRecord decode(String json) {
        try {
            ChangeRecord r = JSON.readValue(json, ChangeRecord.class);
            if (r == null || r.schema() == null || r.table() == null || r.key() == null || r.after() == null) {
                throw new PoisonRecord("change record lacks schema, table, key or after: " + abbreviate(json), null);
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new PoisonRecord("not a change record: " + abbreviate(json), e);
        }
    }

    /** Canonical (sorted) JSON of a primary key: the Kafka record key. */
    public static String encodeKey(Map<String, Object> key) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(key));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode key " + key, e);
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** A record that can never be applied (malformed); it goes to the dead-letter topic. */
    public static final class PoisonRecord extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PoisonRecord(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
