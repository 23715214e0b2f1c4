package io.ridemesh.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityKeysTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration AHEAD = Duration.ofMinutes(6);
    private static final Duration TTL = Duration.ofHours(1);

    @TempDir
    Path home;

    @Test
    void aRotationPublishesANewKeyThatSignsLaterAndRetiresTheOldOneAfterItsLastTokenExpired() throws Exception {
        Region a = Region.of(1);
        Path file = IdentityKeys.file(home, a);
        ECKey k1 = new ECKeyGenerator(Curve.P_256).keyID("a-1").generate();
        IdentityKeys.ensure(file, new JWKSet(k1).toString(false));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        IdentityKeys.Rotation r = IdentityKeys.rotate(file, a, T0, AHEAD, TTL);

        Instant until = T0.plus(AHEAD).plus(TTL).plus(IdentityKeys.CLOCK_SKEW);
        assertThat(r.newKeyId()).isEqualTo("a-20261207T100000Z");
        assertThat(r.signsFrom()).isEqualTo(T0.plus(AHEAD));
        assertThat(r.retiringKeyIds()).containsExactly("a-1");
        assertThat(r.retiringPublishedUntil()).isEqualTo(until);
        List<JWK> keys = JWKSet.load(file.toFile()).getKeys();
        assertThat(keys).extracting(JWK::getKeyID).containsExactly("a-1", r.newKeyId());
        assertThat(keys.get(0).getExpirationTime()).isEqualTo(Date.from(until));
        assertThat(keys.get(0).getNotBeforeTime()).isNull();
        assertThat(keys.get(1).getNotBeforeTime()).isEqualTo(Date.from(T0.plus(AHEAD)));
        assertThat(keys.get(1).getExpirationTime()).isNull();
        assertThat(keys).allMatch(JWK::isPrivate);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        // a second rotation two hours later drops the first key (expired) and retires the second
        Instant t1 = T0.plus(Duration.ofHours(2));
        IdentityKeys.Rotation again = IdentityKeys.rotate(file, a, t1, AHEAD, TTL);
        assertThat(again.droppedKeyIds()).containsExactly("a-1");
        assertThat(again.retiringKeyIds()).containsExactly(r.newKeyId());
        assertThat(JWKSet.load(file.toFile()).getKeys())
                .extracting(JWK::getKeyID)
                .containsExactly(r.newKeyId(), again.newKeyId());
    }

    @Test
    void aRotationSoonAfterAnotherKeepsTheEarlierRetirementsButNeverExtendsThem() throws Exception {
        Region b = Region.of(2);
        Path file = IdentityKeys.file(home, b);
        IdentityKeys.ensure(
                file, new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("b-1").generate()).toString(false));
        IdentityKeys.Rotation first = IdentityKeys.rotate(file, b, T0, AHEAD, TTL);
        IdentityKeys.Rotation second = IdentityKeys.rotate(file, b, T0.plusSeconds(10), AHEAD, TTL);

        assertThat(second.retiringKeyIds()).containsExactly("b-1", first.newKeyId());
        List<JWK> keys = JWKSet.load(file.toFile()).getKeys();
        assertThat(keys.get(0).getExpirationTime())
                .as("b-1 keeps the earlier retirement")
                .isEqualTo(Date.from(first.retiringPublishedUntil()));
        assertThat(keys.get(1).getExpirationTime()).isEqualTo(Date.from(second.retiringPublishedUntil()));
    }
}
