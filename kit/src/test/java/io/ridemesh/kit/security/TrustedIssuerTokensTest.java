package io.ridemesh.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.ridemesh.kit.security.reactive.ReactiveResourceServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * {@link PlatformTokens#jwtDecoder(List)}: the ES256 (and RS256) tokens of trusted regional issuers, whose JWK set is
 * served here by a JDK HTTP server; nothing else.
 */
class TrustedIssuerTokensTest {

    private final ECKey key = generate("region-a-1");
    private final ECKey stranger = generate("region-a-1");
    /** What another OpenID provider (Keycloak, Auth0, Cognito) signs with by default. */
    private final RSAKey rsa = rsa("provider-rs-1");

    private HttpServer jwks;
    private final java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
    private String issuer;
    private JwtDecoder decoder;

    @BeforeEach
    void serveTheJwkSet() throws Exception {
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = new JWKSet(List.<com.nimbusds.jose.jwk.JWK>of(key.toPublicJWK(), rsa.toPublicJWK()))
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/oauth2/jwks", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        issuer = "http://127.0.0.1:" + jwks.getAddress().getPort();
        decoder = PlatformTokens.jwtDecoder(trusted());
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    private List<TrustedIssuer> trusted() {
        return List.of(new TrustedIssuer(URI.create(issuer), URI.create(issuer + "/oauth2/jwks")));
    }

    @Test
    void acceptsATrustedIssuersToken() {
        assertThat(decoder.decode(es256(key, c -> {})).getSubject()).isEqualTo("4711");
    }

    @Test
    void refusesHs256TokensEvenNamingATrustedIssuer() throws Exception {
        // there is no shared key any more: whoever signs HS256 with any key is refused, in both decoders
        String hs256 = signed(JWSAlgorithm.HS256, "k", new MACSigner(new byte[32]), c -> {});
        assertThatThrownBy(() -> decoder.decode(hs256))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("not accepted");
        assertThatThrownBy(() -> ReactiveResourceServer.jwtDecoder(trusted())
                        .decode(hs256)
                        .block())
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void aServiceMustTrustSomeIssuer() {
        assertThatThrownBy(() -> PlatformTokens.jwtDecoder(List.of())).hasMessageContaining("no trusted issuer");
        assertThatThrownBy(() -> ReactiveResourceServer.jwtDecoder(List.of()))
                .hasMessageContaining("no trusted issuer");
        assertThatThrownBy(() -> TrustedIssuer.requireSome("order.accept-tokens-from", " "))
                .hasMessageContaining("order.accept-tokens-from must name at least one trusted issuer");
        assertThatThrownBy(() -> TrustedIssuer.requireSome("order.accept-tokens-from", "http://a:1"))
                .hasMessageContaining("order.accept-tokens-from: ");
    }

    @Test
    void acceptsAnotherOpenIdProvidersRs256TokensInBothDecodersButNotANoneOrHs256OneNamingTheIssuer() {
        String token = signed(JWSAlgorithm.RS256, rsa.getKeyID(), new RSASSASigner(rsaPrivate()), c -> {});
        assertThat(decoder.decode(token).getSubject()).isEqualTo("4711");
        ReactiveJwtDecoder reactive = ReactiveResourceServer.jwtDecoder(trusted());
        assertThat(reactive.decode(token).block().getSubject()).isEqualTo("4711");
        // an RS256 header over the EC key's kid: the key is not of the algorithm's type
        assertThatThrownBy(() -> decoder.decode(
                        signed(JWSAlgorithm.RS256, key.getKeyID(), new RSASSASigner(rsaPrivate()), c -> {})))
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode(
                        signed(JWSAlgorithm.RS512, rsa.getKeyID(), new RSASSASigner(rsaPrivate()), c -> {})))
                .hasMessageContaining("not accepted");
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
    void aRegionsTokensStayValidWhenItsIssuerIsLostBeforeAnyOfThemWasSeen() {
        ReactiveJwtDecoder reactive = ReactiveResourceServer.jwtDecoder(trusted());
        // both decoders fetch the set as they are made, not at a token's first use
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fetches.get() >= 2);
        // made-up key ids while the issuer answers: the later fetches are rate-limited, still a 401 (never a 5xx)
        for (int i = 0; i < 3; i++) {
            ECKey madeUp = generate("made-up-" + i);
            assertThatThrownBy(() -> decoder.decode(es256(madeUp, c -> {}))).isInstanceOf(BadJwtException.class);
            assertThatThrownBy(() -> reactive.decode(es256(madeUp, c -> {})).block())
                    .isInstanceOf(BadJwtException.class);
        }
        jwks.stop(0); // the issuer's region is lost

        assertThat(decoder.decode(es256(key, c -> {})).getSubject()).isEqualTo("4711");
        assertThat(reactive.decode(es256(key, c -> {})).block().getSubject()).isEqualTo("4711");
        assertThatThrownBy(() -> decoder.decode(es256(stranger, c -> {}))).hasMessageContaining("signature");
        ECKey unknownKid = generate("region-a-2");
        assertThatThrownBy(() -> decoder.decode(es256(unknownKid, c -> {})))
                .as("a key the issuer never published, while it is down: refused (401), not a server error")
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> reactive.decode(es256(unknownKid, c -> {})).block())
                .isInstanceOf(BadJwtException.class);
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

    private java.security.PrivateKey rsaPrivate() {
        try {
            return rsa.toPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signed(
            JWSAlgorithm alg, String kid, com.nimbusds.jose.JWSSigner signer, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("4711")
                .audience(PlatformTokens.AUDIENCE)
                .claim("role", "rider")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        change.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String es256(ECKey signer, Consumer<JWTClaimsSet.Builder> change) {
        try {
            return signed(JWSAlgorithm.ES256, signer.getKeyID(), new ECDSASigner(signer), change);
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
