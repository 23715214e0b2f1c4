package io.ridemesh.infra.cluster;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A playground region's authorization-server signing keys, in the file its identity-service reads and reads again when
 * it changes ({@code IDENTITY_SIGNING_KEYS_FILE}, {@code .platform/keys/identity-<region>.jwks}, mode 600): a JWK set
 * of EC P-256 private keys whose {@code nbf} and {@code exp} say which key signs and which are published (the rule is
 * identity-service's {@code SigningKeys}: the published key with the latest {@code nbf} that has come signs; a key is
 * published until its {@code exp}).
 *
 * <p>{@link #rotate} is {@code ./platform rotate-keys}: a new key is added with {@code nbf} = now + publish-ahead (it
 * is published at once, so services have it before the first token it signs reaches them); every older key still
 * published gets an {@code exp} no later than that {@code nbf} plus one access-token lifetime plus the verifiers'
 * clock skew (the last token an older key signs is verified until it expires, and not longer); keys whose {@code exp}
 * has passed are dropped. Nothing restarts and no token in flight is refused. Not thread-safe: one rotation at a time
 * (the command's).
 */
public final class IdentityKeys {

    /** How far the services' clocks may differ when they check {@code exp} (Spring Security's default, 60 s). */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final DateTimeFormatter KID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IdentityKeys() {}

    /** The key file of {@code region} under the playground's state directory {@code home}. */
    public static Path file(Path home, Region region) {
        return home.resolve("keys").resolve("identity-" + region.name() + ".jwks");
    }

    /**
     * Writes {@code initial} (a JWK set as JSON) to {@code file} unless it exists: the key file starts from the keys in
     * {@code credentials.properties} and is the one to change from then on.
     */
    public static void ensure(Path file, String initial) {
        if (Files.exists(file)) {
            return;
        }
        write(file, initial);
    }

    /** What one region's rotation did. */
    public record Rotation(
            String region,
            String newKeyId,
            Instant signsFrom,
            List<String> retiringKeyIds,
            Instant retiringPublishedUntil,
            List<String> droppedKeyIds) {}

    /**
     * Rotates the keys in {@code file} (see the class comment) and writes them back atomically.
     *
     * @param now the instant of the rotation
     * @param publishAhead how long the new key is published before it signs: at least the services' key-set cache
     *     lifetime for a rotation nobody notices (they also fetch the set again when they meet an unknown {@code kid},
     *     at most once per 30 s)
     * @param tokenLifetime the access tokens' lifetime ({@code IDENTITY_ACCESS_TOKEN_TTL})
     * @throws PlatformException if the file is missing or does not hold a JWK set of private P-256 keys
     */
    public static Rotation rotate(
            Path file, Region region, Instant now, Duration publishAhead, Duration tokenLifetime) {
        if (publishAhead.isNegative()) {
            throw new IllegalArgumentException("--publish-ahead must not be negative, but was " + publishAhead);
        }
        JWKSet set;
        try {
            set = JWKSet.load(file.toFile());
        } catch (IOException | ParseException e) {
            throw new PlatformException("cannot read region " + region.name() + "'s signing keys " + file + ": " + e);
        }
        Instant signsFrom = now.plus(publishAhead);
        Instant until = signsFrom.plus(tokenLifetime).plus(CLOCK_SKEW);
        List<JWK> kept = new ArrayList<>();
        List<String> retiring = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (!(jwk instanceof ECKey ec) || !ec.isPrivate()) {
                throw new PlatformException("region " + region.name() + "'s key file " + file + " holds a key that is"
                        + " not a private EC key: " + jwk.getKeyID());
            }
            Date exp = ec.getExpirationTime();
            if (exp != null && !exp.toInstant().isAfter(now)) {
                dropped.add(ec.getKeyID());
                continue;
            }
            if (exp == null || exp.toInstant().isAfter(until)) {
                ec = new ECKey.Builder(ec).expirationTime(Date.from(until)).build();
            }
            retiring.add(ec.getKeyID());
            kept.add(ec);
        }
        String kid = region.name() + "-" + KID_TIME.format(now);
        if (kept.stream().anyMatch(k -> kid.equals(k.getKeyID()))) {
            throw new PlatformException(
                    "region " + region.name() + " already has a key " + kid + ": rotate at most once per second");
        }
        ECKey next;
        try {
            next = new ECKeyGenerator(Curve.P_256)
                    .keyID(kid)
                    .issueTime(Date.from(now))
                    .notBeforeTime(Date.from(signsFrom))
                    .generate();
        } catch (JOSEException e) {
            throw new PlatformException("cannot make a signing key for region " + region.name() + ": " + e);
        }
        kept.add(next);
        write(file, new JWKSet(kept).toString(false));
        return new Rotation(region.name(), kid, signsFrom, retiring, until, dropped);
    }

    /** Replaces {@code file} at once (a reader sees the old or the new set, never half), readable by its owner only. */
    private static void write(Path file, String json) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(
                    file.getParent(),
                    file.getFileName().toString(),
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
