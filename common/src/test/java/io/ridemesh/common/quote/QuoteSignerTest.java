package io.ridemesh.common.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteSignerTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Instant EXPIRES = Instant.parse("2026-03-01T12:02:00Z");
    static final QuoteClaims CLAIMS = new QuoteClaims(
            "q_7f3a9c",
            "SOLO",
            1,
            40.7527,
            -73.9772,
            40.7061,
            -74.0087,
            1_850,
            "USD",
            1_200,
            5_412,
            1_080,
            EXPIRES,
            "rider-7");

    final QuoteSigner signer = new QuoteSigner(KEY);

    @Test
    void verifiesWhatItSigned() {
        String token = signer.sign(CLAIMS);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(signer.verify(token, EXPIRES.minusSeconds(60))).isEqualTo(CLAIMS);
    }

    @Test
    void carriesTheRiderEvenWhenTheRiderIdHoldsTheFieldSeparator() {
        QuoteClaims odd = new QuoteClaims(
                "q_odd", "SOLO", 1, 40.7527, -73.9772, 40.7061, -74.0087, 1_850, "USD", 1_200, 5_412, 1_080, EXPIRES,
                "a|b|c");

        assertThat(signer.verify(signer.sign(odd), EXPIRES.minusSeconds(1)).riderId())
                .isEqualTo("a|b|c");
    }

    @Test
    void verifiesWithAnotherInstanceHoldingTheSameKey() {
        String token = signer.sign(CLAIMS);

        assertThat(new QuoteSigner(KEY.clone()).verify(token, EXPIRES.minusSeconds(1)))
                .isEqualTo(CLAIMS);
    }

    @Test
    void acceptsOneMillisecondBeforeExpiry() {
        String token = signer.sign(CLAIMS);

        assertThat(signer.verify(token, EXPIRES.minusMillis(1))).isEqualTo(CLAIMS);
    }

    @Test
    void rejectsQuoteAtExpiry() {
        String token = signer.sign(CLAIMS);

        assertThatThrownBy(() -> signer.verify(token, EXPIRES))
                .isInstanceOfSatisfying(QuoteExpired.class, e -> {
                    assertThat(e.quoteId()).isEqualTo("q_7f3a9c");
                    assertThat(e.expiresAt()).isEqualTo(EXPIRES);
                    assertThat(e.now()).isEqualTo(EXPIRES);
                })
                .hasMessageContaining("expired at 2026-03-01T12:02:00Z");
    }

    @Test
    void rejectsQuoteAfterExpiry() {
        String token = signer.sign(CLAIMS);

        assertThatThrownBy(() -> signer.verify(token, EXPIRES.plus(Duration.ofMinutes(5))))
                .isInstanceOf(QuoteExpired.class);
    }

    @Test
    void checksSignatureBeforeExpirySoAForgedExpiredTokenIsTampered() {
        String token = signer.sign(CLAIMS);
        String forged = replaceField(token, 8, "1");

        assertThatThrownBy(() -> signer.verify(forged, EXPIRES.plusSeconds(3600)))
                .isInstanceOf(QuoteTampered.class);
    }

    static Stream<Arguments> everyField() {
        String[] replacements = {
            "q0",
            "q_other",
            "POOL",
            "2",
            "40.7528",
            "-73.9773",
            "40.7062",
            "-74.0088",
            "1",
            "EUR",
            "1000",
            "5413",
            "1081",
            Long.toString(EXPIRES.plusSeconds(3600).toEpochMilli()),
            "rider-8"
        };
        return IntStream.range(0, replacements.length).mapToObj(i -> Arguments.of(i, replacements[i]));
    }

    @ParameterizedTest(name = "field {0} -> {1}")
    @MethodSource("everyField")
    void rejectsTokenWithAnyPayloadFieldChanged(int field, String replacement) {
        String token = signer.sign(CLAIMS);
        String tampered = replaceField(token, field, replacement);

        assertThat(tampered).isNotEqualTo(token);
        assertThatThrownBy(() -> signer.verify(tampered, EXPIRES.minusSeconds(60)))
                .isInstanceOf(QuoteTampered.class)
                .hasMessage("signature does not match payload");
    }

    @Test
    void rejectsTokenWithFlippedSignatureBit() {
        String token = signer.sign(CLAIMS);
        int dot = token.indexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        sig[sig.length - 1] ^= 1;
        String tampered = token.substring(0, dot + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);

        assertThatThrownBy(() -> signer.verify(tampered, EXPIRES.minusSeconds(60)))
                .isInstanceOf(QuoteTampered.class);
    }

    @Test
    void rejectsTokenSignedWithAnotherKey() {
        byte[] other = Arrays.copyOf(KEY, KEY.length);
        other[0] ^= 1;
        String token = new QuoteSigner(other).sign(CLAIMS);

        assertThatThrownBy(() -> signer.verify(token, EXPIRES.minusSeconds(60))).isInstanceOf(QuoteTampered.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "abc.", ".abc", "a.b.c", "abc.!!!", "abc.def"})
    void rejectsMalformedTokens(String token) {
        assertThatThrownBy(() -> signer.verify(token, EXPIRES.minusSeconds(60))).isInstanceOf(QuoteTampered.class);
    }

    @Test
    void refusesKeysShorterThan256Bits() {
        assertThatThrownBy(() -> new QuoteSigner(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quote signing key must be >= 32 bytes, but was 31");
    }

    @Test
    void doesNotShareTheCallersKeyArray() {
        byte[] key = KEY.clone();
        QuoteSigner s = new QuoteSigner(key);
        String token = s.sign(CLAIMS);
        Arrays.fill(key, (byte) 0);

        assertThat(s.verify(token, EXPIRES.minusSeconds(1))).isEqualTo(CLAIMS);
    }

    /** Re-encodes the payload with field {@code index} (0 = format version) replaced, keeping the old signature. */
    private static String replaceField(String token, int index, String replacement) {
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        String[] fields = payload.split("\\|", -1);
        fields[index] = replacement;
        String changed = String.join("|", fields);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);
    }
}
