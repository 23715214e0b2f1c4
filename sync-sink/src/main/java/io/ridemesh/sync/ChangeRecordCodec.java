package io.ridemesh.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** JSON encoding of {@link ChangeRecord}s and primary keys. Thread-safe. */
public final class ChangeRecordCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, false);
    /** Resolved once: {@code ObjectMapper.readValue} looks the deserializer up on every call. */
    private static final ObjectReader READER = JSON.readerFor(ChangeRecord.class);

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
        if (json == null) {
            throw new PoisonRecord("not a change record: null", null);
        }
        try {
            return validated(READER.readValue(json), json);
        } catch (JsonProcessingException e) {
            throw new PoisonRecord("not a change record: " + abbreviate(json), e);
        }
    }

    /**
     * The UTF-8 bytes of a change record as Kafka holds them: parsed without decoding them into a
     * String first.
     *
     * @throws PoisonRecord if the bytes are not a change record
     */
    public static ChangeRecord decode(byte[] json) {
        if (json == null) {
            throw new PoisonRecord("not a change record: null", null);
        }
        try {
            return validated(READER.readValue(json), json);
        } catch (IOException e) {
            throw new PoisonRecord("not a change record: " + abbreviate(new String(json, StandardCharsets.UTF_8)), e);
        }
    }

    private static ChangeRecord validated(ChangeRecord r, Object json) {
        if (r == null || r.schema() == null || r.table() == null || r.key() == null || r.after() == null) {
            String text = json instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : (String) json;
            throw new PoisonRecord("change record lacks schema, table, key or after: " + abbreviate(text), null);
        }
        return r;
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
