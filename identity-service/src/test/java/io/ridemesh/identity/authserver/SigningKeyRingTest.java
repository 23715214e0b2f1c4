package io.ridemesh.identity.authserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyRingTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = () -> now.get();

    @TempDir
    Path dir;

    private static ECKey key(String kid, Instant nbf, Instant exp) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        return new ECKey.Builder(key)
                .notBeforeTime(nbf == null ? null : Date.from(nbf))
                .expirationTime(exp == null ? null : Date.from(exp))
                .build();
    }

    private static String set(ECKey... keys) {
        return new JWKSet(List.<JWK>of(keys)).toString(false);
    }

    private List<String> published(SigningKeyRing ring) throws Exception {
        return ring.get(new JWKSelector(new JWKMatcher.Builder().build()), null).stream()
                .map(JWK::getKeyID)
                .toList();
    }

    private void write(Path file, String json, Instant modified) throws Exception {
        Files.writeString(file, json);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    @Test
    void aSetWithoutValidityIsWhatItWasTheFirstKeySignsAndAllArePublished() throws Exception {
        SigningKeys keys = SigningKeys.parse(set(key("k1", null, null), key("k2", null, null)), "test");
        SigningKeyRing ring = SigningKeyRing.fixed(keys, clock);

        assertThat(ring.activeKeyId()).isEqualTo("k1");
        assertThat(published(ring)).containsExactly("k1", "k2");
    }

    @Test
    void aRotationWrittenToTheFilePublishesTheNextKeyAtOnceSignsWithItFromItsNbfAndDropsTheOldAtItsExp()
            throws Exception {
        Path file = dir.resolve("keys.jwks");
        ECKey k1 = key("k1", null, null);
        write(file, set(k1), T0.minusSeconds(60));
        SigningKeyRing ring = SigningKeyRing.watching(file, clock);
        assertThat(ring.activeKeyId()).isEqualTo("k1");

        // what ./platform rotate-keys writes: k2 signs from T0+30s; k1 is published until T0+30s+1h+60s
        Instant signsFrom = T0.plusSeconds(30);
        Instant k1Until = signsFrom.plus(Duration.ofHours(1)).plusSeconds(60);
        ECKey k1Retiring =
                new ECKey.Builder(k1).expirationTime(Date.from(k1Until)).build();
        write(file, set(k1Retiring, key("k2", signsFrom, null)), T0);

        now.set(T0.plus(SigningKeyRing.RECHECK));
        assertThat(ring.activeKeyId()).as("k2 does not sign before its nbf").isEqualTo("k1");
        assertThat(published(ring)).as("but is published at once").containsExactly("k1", "k2");

        now.set(signsFrom);
        assertThat(ring.activeKeyId()).isEqualTo("k2");
        assertThat(published(ring)).as("k1's last tokens still verify").containsExactly("k1", "k2");

        now.set(k1Until);
        assertThat(ring.activeKeyId()).isEqualTo("k2");
        assertThat(published(ring)).containsExactly("k2");
        assertThat(ring.reloadFailures()).isZero();
    }

    @Test
    void aBrokenFileLeavesTheKeysAsTheyWereAndIsCounted() throws Exception {
        Path file = dir.resolve("keys.jwks");
        write(file, set(key("k1", null, null)), T0.minusSeconds(60));
        SigningKeyRing ring = SigningKeyRing.watching(file, clock);

        write(file, "{\"keys\":[{\"kty\":\"EC\"", T0);
        now.set(T0.plus(SigningKeyRing.RECHECK));

        assertThat(ring.activeKeyId()).isEqualTo("k1");
        assertThat(published(ring)).containsExactly("k1");
        assertThat(ring.reloadFailures()).isEqualTo(1);
    }

    @Test
    void refusesSetsNoKeyCouldSignFrom() throws Exception {
        assertThatThrownBy(() -> SigningKeys.parse(set(key("k1", T0, T0)), "identity.signing-keys"))
                .hasMessageContaining("identity.signing-keys key 0 (k1) must have its exp after its nbf");
        assertThatThrownBy(() -> SigningKeys.parse(set(key("k1", null, null), key("k1", null, null)), "x"))
                .hasMessageContaining("x key 1 must have a kid of its own");
        SigningKeys expired = SigningKeys.parse(set(key("k1", null, T0)), "x");
        assertThatThrownBy(() -> expired.signingKey(T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no signing key is valid");
    }
}
