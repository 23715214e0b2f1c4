package io.ridemesh.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeRecordCodecTest {

    private static ChangeRecord record() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("id", 5L);
        after.put("status", "ключ \"q\"");
        after.put("fare", 12.5);
        after.put("driver_id", null);
        after.put("hlc", 200L);
        return new ChangeRecord(
                "a", "rides", "rides", Map.of("id", 5L), "u", after, 200, 100, 1, 2, "1-1-7", "mysql-bin.000003:42", 7);
    }

    @Test
    void decodesTheUtf8BytesAsItDecodesTheText() {
        String json = ChangeRecordCodec.encode(record());

        ChangeRecord fromBytes = ChangeRecordCodec.decode(json.getBytes(StandardCharsets.UTF_8));

        assertThat(fromBytes).isEqualTo(ChangeRecordCodec.decode(json));
        assertThat(fromBytes.after()).containsEntry("status", "ключ \"q\"").containsEntry("driver_id", null);
        assertThat(fromBytes.prevHlc()).isEqualTo(100);
    }

    @Test
    void encodesMapsWithSortedKeys() {
        assertThat(ChangeRecordCodec.encode(record()))
                .startsWith("{\"source_region\":\"a\",\"schema\":\"rides\",\"table\":\"rides\",\"key\":{\"id\":5},"
                        + "\"op\":\"u\",\"after\":{\"driver_id\":null,\"fare\":12.5,\"hlc\":200,\"id\":5,");
    }

    @Test
    void turnsWhatIsNotAChangeRecordIntoAPoisonRecord() {
        assertThatThrownBy(() -> ChangeRecordCodec.decode((byte[]) null))
                .isInstanceOf(ChangeRecordCodec.PoisonRecord.class);
        assertThatThrownBy(() -> ChangeRecordCodec.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ChangeRecordCodec.PoisonRecord.class)
                .hasMessageContaining("{not json");
        assertThatThrownBy(() -> ChangeRecordCodec.decode("{\"schema\":\"rides\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ChangeRecordCodec.PoisonRecord.class)
                .hasMessageContaining("lacks schema, table, key or after");
    }
}
