package io.ridemesh.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The authorization server of the tests: an EC P-256 key whose public half is published as a JWK set over HTTP on a
 * loopback port ({@code GET /oauth2/jwks}), and ES256 tokens signed with it as a region's identity-service signs them
 * ({@code iss}, {@code kid}, {@code typ: JWT}). Its token endpoint ({@code POST /oauth2/token}, {@link #tokenUri()})
 * answers the client-credentials grant (RFC 6749 section 4.4) of any client with a service's token ({@code sub} the
 * client id from its HTTP Basic credentials, {@code role service}, ten minutes; the secret is not checked), so a
 * service under test gets its own calls' tokens as in production. One per test JVM ({@link #shared()}), started on first use; its server
 * runs on daemon threads until the JVM ends. The services under test trust it through the setting the launcher writes
 * in production, {@value #TRUSTED_ISSUERS}, which {@link TestIssuerSession} sets as a system property when a test run
 * starts. Thread-safe.
 */
public final class TestIssuer {

    /** The setting of the issuers a service trusts: {@code <issuer> <jwk set uri>[,...]}. */
    public static final String TRUSTED_ISSUERS = "RIDEMESH_TRUSTED_ISSUERS";
    /** The key id of the issuer's key in its JWK set and in its tokens' headers. */
    public static final String KEY_ID = "test-1";

    private static volatile TestIssuer shared;

    private final ECKey key;
    private final String issuer;
    private final String jwkSetUri;

    private TestIssuer(ECKey key, int port) {
        this.key = key;
        this.issuer = "http://127.0.0.1:" + port;
        this.jwkSetUri = issuer + "/oauth2/jwks";
    }

    /**
     * The test JVM's issuer, started on first use.
     *
     * @throws UncheckedIOException if no loopback port can be bound
     */
    public static TestIssuer shared() {
        TestIssuer issuer = shared;
        if (issuer == null) {
            synchronized (TestIssuer.class) {
                issuer = shared;
                if (issuer == null) {
                    issuer = start();
                    shared = issuer;
                }
            }
        }
        return issuer;
    }

    private static TestIssuer start() {
        ECKey key = newKey(KEY_ID);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.createContext("/oauth2/token", exchange -> {
                String client = clientIdOf(exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.getRequestBody().readAllBytes();
                if (client == null || !"POST".equals(exchange.getRequestMethod())) {
                    byte[] error = "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(401, error.length);
                    try (OutputStream body = exchange.getResponseBody()) {
                        body.write(error);
                    }
                    return;
                }
                byte[] answer = ("{\"access_token\":\"" + TestTokens.of("service", client)
                                + "\",\"token_type\":\"Bearer\",\"expires_in\":600,\"scope\":\"service\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(answer);
                }
            });
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "test-issuer");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return new TestIssuer(key, server.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test issuer", e);
        }
    }

    /** The client id of HTTP Basic credentials ({@code Basic base64(id:secret)}), or null. */
    private static @Nullable String clientIdOf(@Nullable String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        try {
            String pair = new String(
                    Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon > 0 ? URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A new EC P-256 signing key with key id {@code kid}. */
    public static ECKey newKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an EC key", e);
        }
    }

    /** The {@code iss} of its tokens, e.g. {@code http://127.0.0.1:40123}. */
    public String issuer() {
        return issuer;
    }

    /** Where its JWK set is served. */
    public String jwkSetUri() {
        return jwkSetUri;
    }

    /** Its token endpoint (client credentials). */
    public String tokenUri() {
        return issuer + "/oauth2/token";
    }

    /** The value of {@value #TRUSTED_ISSUERS} (and of a service's {@code accept-tokens-from}) that trusts it. */
    public String trustedIssuers() {
        return issuer + " " + jwkSetUri;
    }

    /** Signs {@code claims} as they are (ES256, this issuer's key and {@code kid}); nothing is added. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /**
     * Signs {@code claims} ES256 with {@code signingKey} (its {@code kid} in the header): with a key not in the JWK set
     * but {@link #KEY_ID}, a token whose signature does not verify.
     */
    public static String sign(JWTClaimsSet claims, ECKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(signingKey.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }
}
