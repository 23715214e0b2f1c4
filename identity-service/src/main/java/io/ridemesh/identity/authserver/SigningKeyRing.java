package io.ridemesh.identity.authserver;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization server's current {@link SigningKeys}, as the {@link JWKSource} both its token encoder and its JWK
 * set endpoint ({@code /oauth2/jwks}) read: only the keys published at the moment of the call, so the encoder finds the
 * signing key by its {@code kid} and the endpoint shows what services may verify with.
 *
 * <p>The keys are either fixed ({@code identity.signing-keys}) or read from a file ({@code
 * identity.signing-keys-file}) that is read again when its modification time or size changed, looked at no more than
 * once per {@link #RECHECK}: that is how {@code ./platform rotate-keys} reaches a running server. A file that cannot
 * be read or parsed leaves the keys as they were, is logged at ERROR and counted in {@link #reloadFailures()} once per
 * version of the file (the next good write takes effect). Thread-safe: the keys are one immutable snapshot swapped
 * atomically.
 */
public final class SigningKeyRing implements JWKSource<SecurityContext> {

    /** How often, at most, the key file's modification time is looked at. */
    public static final Duration RECHECK = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);

    private record Loaded(SigningKeys keys, @Nullable FileTime modified, long size, Instant checkedAt) {}

    private final @Nullable Path file;
    private final InstantSource clock;
    private volatile Loaded loaded;
    private volatile long reloadFailures;

    private SigningKeyRing(@Nullable Path file, Loaded loaded, InstantSource clock) {
        this.file = file;
        this.loaded = loaded;
        this.clock = clock;
    }

    /** Keys that never change. */
    public static SigningKeyRing fixed(SigningKeys keys, InstantSource clock) {
        return new SigningKeyRing(null, new Loaded(keys, null, -1, Instant.MAX), clock);
    }

    /**
     * Keys read from {@code file} now and again whenever it changes.
     *
     * @throws IllegalArgumentException if the file cannot be read or holds no valid key set (the server does not start)
     */
    public static SigningKeyRing watching(Path file, InstantSource clock) {
        try {
            return new SigningKeyRing(file, read(file, clock.instant()), clock);
        } catch (IOException e) {
            throw new IllegalArgumentException("identity.signing-keys-file " + file + " cannot be read: " + e, e);
        }
    }

    /** The keys now (the file looked at first, if its recheck is due). */
    public SigningKeys current() {
        Loaded now = loaded;
        if (file == null) {
            return now.keys();
        }
        Instant at = clock.instant();
        if (at.isBefore(now.checkedAt().plus(RECHECK))) {
            return now.keys();
        }
        synchronized (this) {
            now = loaded;
            if (at.isBefore(now.checkedAt().plus(RECHECK))) {
                return now.keys();
            }
            FileTime modified = null;
            long size = -1;
            try {
                modified = Files.getLastModifiedTime(file);
                size = Files.size(file);
                if (modified.equals(now.modified()) && size == now.size()) {
                    loaded = new Loaded(now.keys(), now.modified(), now.size(), at);
                } else {
                    Loaded next = read(file, at);
                    log.info(
                            "signing keys reloaded from {}: kids {}, {} signs",
                            file,
                            next.keys().kids(),
                            next.keys().activeKeyId(at));
                    loaded = next;
                }
            } catch (IOException | RuntimeException e) {
                reloadFailures++;
                log.error(
                        "signing keys kept as they were ({}): {} cannot be used: {}",
                        now.keys().kids(),
                        file,
                        e.toString());
                // this version of the file is not tried again; the next write is
                loaded = new Loaded(now.keys(), modified, size, at);
            }
            return loaded.keys();
        }
    }

    /** The {@code kid} of the key that signs now. */
    public String activeKeyId() {
        return current().activeKeyId(clock.instant());
    }

    /** How many times the key file changed but could not be used. */
    public long reloadFailures() {
        return reloadFailures;
    }

    @Override
    public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
        return selector.select(current().jwkSet(clock.instant()));
    }

    private static Loaded read(Path file, Instant at) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        return new Loaded(
                SigningKeys.parse(json, "identity.signing-keys-file " + file),
                Objects.requireNonNull(modified),
                size,
                at);
    }
}
