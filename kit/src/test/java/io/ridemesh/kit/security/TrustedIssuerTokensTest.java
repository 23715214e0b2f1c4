package io.ridemesh.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
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
import io.ridemesh.testsupport.TestTokens;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * {@link PlatformTokens#jwtDecoder(byte[], List)}: the platform's HS256 tokens and the ES256 tokens of trusted regional
 * issuers, whose JWK set is served here by a JDK HTTP server.
 */
class TrustedIssuerTokensTest {

    private static final String HEX_KEY = "30313233343536373839616263646566303132333435363738396162636465666768";

    private final ECKey key = generate("region-a-1");
    private final ECKey stranger = generate("region-a-1");
    private HttpServer jwks;
    private String issuer;
    private JwtDecoder decoder;

    @BeforeEach
    void serveTheJwkSet() throws Exception {
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        issuer = "http://127.0.0.1:" + jwks.getAddress().getPort();
        decoder = PlatformTokens.jwtDecoder(
                HexFormat.of().parseHex(HEX_KEY),
                List.of(new TrustedIssuer(URI.create(issuer), URI.create(issuer + "/oauth2/jwks"))));
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    @Test
    void acceptsATrustedIssuersTokenAndThePlatformsOwn() {
        assertThat(decoder.decode(es256(key, c -> {})).getSubject()).isEqualTo("4711");
        assertThat(decoder.decode(TestTokens.of(HEX_KEY, "rider", "r-1")).getSubject())
                .isEqualTo("r-1");
    }

    @Test
    void refusesAnotherIssuerAnotherKeyAnotherAudienceAndNoRole() {
        assertThatThrownBy(() -> decoder.decode(es256(key, c -> c.issuer("http://127.0.0.1:1"))))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("not trusted");
        assertThatThrownBy(() -> decoder.decode(es256(stranger, c -> {}))).hasMessageContaining("signature");
        assertThatThrownBy(() -> decoder.decode(es256(key, c -> c.audience("somebody-else"))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(es256(key, c -> c.claim("role", null))))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(es256(key, c -> c.expirationTime(null))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void parsesTheSettingAndNamesABadEntry() {
        assertThat(TrustedIssuer.parseList(" ")).isEmpty();
        assertThat(TrustedIssuer.parseList("http://a:1 http://a:1/oauth2/jwks, https://b http://c:2/jwks"))
                .containsExactly(
                        new TrustedIssuer(URI.create("http://a:1"), URI.create("http://a:1/oauth2/jwks")),
                        new TrustedIssuer(URI.create("https://b"), URI.create("http://c:2/jwks")));
        assertThatThrownBy(() -> TrustedIssuer.parseList("http://a:1")).hasMessageContaining("'http://a:1'");
        assertThatThrownBy(() -> TrustedIssuer.parseList("ftp://a http://a/jwks"))
                .hasMessageContaining("ftp://a");
    }

    private String es256(ECKey signer, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("4711")
                .audience(PlatformTokens.AUDIENCE)
                .claim("role", "rider")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        change.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(signer.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new ECDSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
