package io.ridemesh.infra.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Passwords and signing keys of one playground, generated at the first {@code up} and kept in
 * {@code .platform/credentials.properties} (mode 600). No secret is in code; a user may edit the
 * file before the first {@code up} to choose their own. Thread-safety: not thread-safe; load once.
 */
public final class Credentials {

    /** Database accounts the playground creates per region; each is a key prefix in the file. */
    public static final String ROOT = "root";

    public static final String CDC = "cdc";

    /** Key prefix of the services' client secrets ({@link #serviceClientSecret}). */
    private static final String CLIENT_SECRET_PREFIX = "identity.client.";

    private final Properties props;
    private final Path file;

    private Credentials(Path file, Properties props) {
        this.file = file;
        this.props = props;
    }

    /** Loads the file, adding any missing secret with 32 random bytes (hex), and saves it back. */
    public static Credentials loadOrCreate(Path file) {
        Properties props = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    props.load(in);
                }
            }
            Credentials credentials = new Credentials(file, props);
            List<String> keys = new ArrayList<>(List.of(
                    "db.root",
                    "db.cdc",
                    "db.order-service",
                    "db.pricing-service",
                    "db.identity-service",
                    "db.dispatch-service",
                    "db.sync-sink",
                    "db.gateway",
                    "quote.secret",
                    "operator.password"));
            ServiceLauncher.SERVICE_CLIENTS.forEach(client -> keys.add(CLIENT_SECRET_PREFIX + client.id()));
            boolean changed = false;
            for (String key : keys) {
                if (!props.containsKey(key)) {
                    props.setProperty(key, randomSecret());
                    changed = true;
                }
            }
            if (changed) {
                credentials.store();
            }
            return credentials;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** The password of a database account ({@code root}, {@code cdc} or a component kind id). */
    public String dbPassword(String account) {
        return require("db." + account);
    }

    /**
     * {@code region}'s authorization server's signing keys, a JWK set (JSON) of one EC P-256 key: made the first time a
     * region asks and kept in the file from then on.
     */
    public synchronized String identitySigningKeys(String region) {
        String key = "identity.signing-keys." + region;
        String value = props.getProperty(key);
        if (value == null) {
            try {
                com.nimbusds.jose.jwk.ECKey ec = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(
                                com.nimbusds.jose.jwk.Curve.P_256)
                        .keyID(region + "-" + java.time.Instant.now().getEpochSecond())
                        .generate();
                value = new com.nimbusds.jose.jwk.JWKSet(ec).toString(false);
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new PlatformException("cannot make a signing key for region " + region + ": " + e);
            }
            props.setProperty(key, value);
            store();
        }
        return value;
    }

    /**
     * The client secret of {@code service} (a component kind id: {@code gateway}, {@code order-service} or {@code
     * dispatch-service}) at every region's identity-service: its client-credentials tokens toward other services.
     *
     * @throws PlatformException for a service that has no client
     */
    public String serviceClientSecret(String service) {
        return require(CLIENT_SECRET_PREFIX + service);
    }

    /** HMAC key (hex) used by pricing to sign quotes and by order-service to verify them. */
    public String quoteSecret() {
        return require("quote.secret");
    }

    /**
     * Login of the first operator account, which every region's identity-service makes at start (its password is
     * {@link #operatorPassword()}).
     */
    public static final String OPERATOR_LOGIN = "operator@ridemesh.local";

    /**
     * Password of the first operator account ({@link #OPERATOR_LOGIN}), which signs in at any region's identity-service
     * (the console, the drill, the lag reader).
     */
    public String operatorPassword() {
        return require("operator.password");
    }

    /** Writes the secrets back to their file, readable by its owner only. */
    private void store() {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "ridemesh playground secrets: generated locally, never committed");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system: permissions stay as created
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private String require(String key) {
        String value = props.getProperty(key);
        if (value == null) {
            throw new PlatformException("no '" + key + "' in " + file);
        }
        return value;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32]; // the quote signer needs >= 32 bytes
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
