package io.ridemesh.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.ridemesh.infra.client.AppSignIn;
import io.ridemesh.testsupport.TestIssuer;
import io.ridemesh.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity-service as a whole on H2: sign-up, the authorization-code flow with PKCE through the sign-in page, the
 * client-credentials flow, the tokens' claims and signature (checked against the published JWK set), the lockout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class IdentityServiceTest {

    static final ECKey SIGNING_KEY = newKey("test-key-1");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A free port, fixed before the context starts: the issuer URL names it, and the account API trusts it. */
    static final int PORT = freePort();

    final int port = PORT;

    @Autowired
    IdentityProperties properties;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("identity.signing-keys", () -> new com.nimbusds.jose.jwk.JWKSet(SIGNING_KEY).toString(false));
        registry.add("identity.issuer", () -> ISSUER);
        // its own tokens, and the test issuer's (an operator's token without an operator's sign-in)
        registry.add(
                "identity.accept-tokens-from",
                () -> ISSUER + " " + ISSUER + "/oauth2/jwks,"
                        + TestIssuer.shared().trustedIssuers());
    }

    static final String ISSUER = "http://127.0.0.1:" + PORT;

    static int freePort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ECKey newKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> postJson(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signUp(String login, String password) throws Exception {
        return postJson("/v1/accounts", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}", null);
    }

    @Test
    void aRiderSignsUpOnceAndBadInputIsRefusedByField() throws Exception {
        HttpResponse<String> created = signUp("Alice@Example.com ", "correct horse battery");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode account = JSON.readTree(created.body());
        assertThat(account.get("login").asString()).isEqualTo("alice@example.com");
        assertThat(account.get("role").asString()).isEqualTo("rider");
        assertThat(account.get("subject").asString()).matches("\\d+");
        assertThat(created.body()).doesNotContain("bcrypt").doesNotContain("correct horse");

        HttpResponse<String> again = signUp("alice@example.com", "another long password");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("login-taken").contains("\"field\":\"login\"");

        assertThat(signUp("bob@example.com", "short").body()).contains("\"field\":\"password\"");
        assertThat(signUp("bob@example.com", "password123").body()).contains("most common");
        assertThat(signUp("not-an-email", "correct horse battery").body()).contains("\"field\":\"login\"");
        assertThat(postJson(
                                "/v1/accounts",
                                "{\"login\":\"d@example.com\",\"password\":\"correct horse battery\","
                                        + "\"role\":\"driver\",\"subject\":\"taxi-1\"}",
                                null)
                        .statusCode())
                .as("only an operator onboards drivers")
                .isEqualTo(403);
        String operator = TestTokens.of("operator", "ops-1");
        HttpResponse<String> driver = postJson(
                "/v1/accounts",
                "{\"login\":\"d@example.com\",\"password\":\"correct"
                        + " horse battery\",\"role\":\"driver\",\"subject\":\"taxi-1\"}",
                operator);
        assertThat(driver.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(driver.body()).get("subject").asString()).isEqualTo("taxi-1");
    }

    @Test
    void anAppSignsInWithTheAuthorizationCodeFlowAndGetsAnEs256TokenForTheAccountsSubject() throws Exception {
        JsonNode account = JSON.readTree(
                signUp("carol@example.com", "carol's long password").body());
        AppSignIn.SignedIn tokens = app().signIn("carol@example.com", "carol's long password");

        SignedJWT signed = SignedJWT.parse(tokens.accessToken());
        assertThat(signed.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(signed.getHeader().getKeyID()).isEqualTo("test-key-1");
        Jwt access = NimbusJwtDecoder.withJwkSetUri(url("/oauth2/jwks").toString())
                .jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.ES256)
                .build()
                .decode(tokens.accessToken());
        assertThat(access.getSubject()).isEqualTo(account.get("subject").asString());
        assertThat(access.getClaimAsString("role")).isEqualTo("rider");
        assertThat(access.getAudience()).containsExactly("ridemesh");
        assertThat(access.getClaimAsString("iss")).isEqualTo(ISSUER);
        assertThat(access.getExpiresAt()).isNotNull();
        assertThat(SignedJWT.parse(tokens.idToken()).getJWTClaimsSet().getSubject())
                .isEqualTo(account.get("subject").asString());
    }

    @Test
    void anAppRefreshesWithoutItsPasswordEachRefreshTokenOnceAndNotAfterTheAccountIsGone() throws Exception {
        HttpResponse<String> created = signUp("refresh-rider@example.com", "a refreshing long password");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode account = JSON.readTree(created.body());
        AppSignIn.SignedIn first = app().signIn("refresh-rider@example.com", "a refreshing long password");
        assertThat(first.refreshToken()).isNotBlank();

        // another public client may not spend the app's refresh token
        HttpResponse<String> console = send(HttpRequest.newBuilder(url("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=ridemesh-console"
                        + "&refresh_token=" + first.refreshToken()))
                .build());
        // (the framework's PKCE check of public clients answers invalid_grant before ours says invalid_client)
        assertThat(console.statusCode()).as(console.body()).isIn(400, 401);
        assertThat(console.body()).containsAnyOf("invalid_client", "invalid_grant");

        AppSignIn.SignedIn second = app().refresh(first.refreshToken());
        assertThat(SignedJWT.parse(second.accessToken()).getJWTClaimsSet().getSubject())
                .isEqualTo(account.get("subject").asString());
        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThatThrownBy(() -> app().refresh(first.refreshToken()))
                .as("a refresh token is spent by its use")
                .isInstanceOf(AppSignIn.SignInFailed.class)
                .hasMessageContaining("invalid_grant");

        assertThat(send(HttpRequest.newBuilder(url("/v1/accounts/me"))
                                .header("Authorization", "Bearer " + second.accessToken())
                                .DELETE()
                                .build())
                        .statusCode())
                .isEqualTo(204);
        assertThatThrownBy(() -> app().refresh(second.refreshToken()))
                .as("a deleted account gets no token")
                .isInstanceOf(AppSignIn.SignInFailed.class);
    }

    @Test
    void theAppsTokenReadsAndDeletesItsOwnAccountAfterWhichItCannotSignIn() throws Exception {
        JsonNode account = JSON.readTree(
                signUp("frank@example.com", "frank's long password").body());
        String token =
                app().signIn("frank@example.com", "frank's long password").accessToken();
        HttpResponse<String> me = send(HttpRequest.newBuilder(url("/v1/accounts/me"))
                .header("Authorization", "Bearer " + token)
                .build());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("subject").asString())
                .isEqualTo(account.get("subject").asString());
        HttpResponse<String> deleted = send(HttpRequest.newBuilder(url("/v1/accounts/me"))
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(app().submitPassword("frank@example.com", "frank's long password"))
                .isEqualTo("/login?error");
        String forged = TestTokens.of("rider", "someone-else");
        assertThat(send(HttpRequest.newBuilder(url("/v1/accounts/me"))
                                .header("Authorization", "Bearer " + forged)
                                .build())
                        .statusCode())
                .isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(url("/v1/accounts/me"))
                                .header("Authorization", "Bearer " + token.substring(0, token.length() - 4) + "AAAA")
                                .build())
                        .statusCode())
                .as("a tampered signature")
                .isEqualTo(401);
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aServiceGetsATokenWithClientCredentials() throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString(
                        "dispatch-service:test-secret-of-dispatch-service-0123456789".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(url("/oauth2/token"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=client_credentials&scope=service"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        SignedJWT token = SignedJWT.parse(
                JSON.readTree(response.body()).get("access_token").asString());
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("dispatch-service");
        assertThat(token.getJWTClaimsSet().getStringClaim("role")).isEqualTo("service");

        HttpResponse<String> wrongSecret = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(url("/oauth2/token"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("dispatch-service:wrong"
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForItsRightPassword() throws Exception {
        signUp("dave@example.com", "dave's long password");
        int maxFailures = properties.signIn().maxFailures();
        for (int i = 0; i < maxFailures; i++) {
            assertThat(app().submitPassword("dave@example.com", "wrong password " + i))
                    .isEqualTo("/login?error");
        }
        assertThat(app().submitPassword("dave@example.com", "dave's long password"))
                .as("locked")
                .isEqualTo("/login?error");
        signUp("erin@example.com", "erin's long password");
        assertThat(app().submitPassword("erin@example.com", "erin's long password"))
                .as("another account is not locked")
                .startsWith("/oauth2/authorize");
    }

    @Test
    void theBootstrapOperatorSignsInAndImportsAccountsHashedElsewhereWhoThenSignIn() throws Exception {
        String operator = app().signIn("root@example.com", "the first operator's password")
                .accessToken();
        assertThat(SignedJWT.parse(operator).getJWTClaimsSet().getStringClaim("role"))
                .isEqualTo("operator");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("an imported long password");
        String body = "{\"accounts\":[{\"login\":\"taxi-7@example.com\",\"passwordHash\":\"" + hash
                + "\",\"role\":\"driver\",\"subject\":\"taxi-7\"},{\"login\":\"rider-7@example.com\","
                + "\"passwordHash\":\"" + hash + "\",\"role\":\"rider\",\"subject\":\"rider-7\"}]}";

        HttpResponse<String> imported = postJson("/v1/accounts/imports", body, operator);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("\"created\":2").contains("\"existing\":0");
        assertThat(postJson("/v1/accounts/imports", body, operator).body())
                .as("the same import again changes nothing")
                .contains("\"created\":0")
                .contains("\"existing\":2");

        Jwt driver = NimbusJwtDecoder.withJwkSetUri(url("/oauth2/jwks").toString())
                .jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.ES256)
                .build()
                .decode(app().signIn("taxi-7@example.com", "an imported long password")
                        .accessToken());
        assertThat(driver.getSubject()).isEqualTo("taxi-7");
        assertThat(driver.getClaimAsString("role")).isEqualTo("driver");

        String rider =
                app().signIn("rider-7@example.com", "an imported long password").accessToken();
        assertThat(postJson("/v1/accounts/imports", body.replace("taxi-7", "taxi-8"), rider)
                        .statusCode())
                .as("only operators import")
                .isEqualTo(403);
        String weak = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("an imported long password");
        HttpResponse<String> refused = postJson(
                "/v1/accounts/imports",
                "{\"accounts\":[{\"login\":\"ok@example.com\",\"passwordHash\":\"" + hash
                        + "\",\"role\":\"rider\",\"subject\":\"r-ok\"},{\"login\":\"weak@example.com\","
                        + "\"passwordHash\":\"" + weak + "\",\"role\":\"rider\",\"subject\":\"r-weak\"}]}",
                operator);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("\"field\":\"accounts[1].passwordHash\"")
                .contains("cost");
        assertThat(app().submitPassword("ok@example.com", "an imported long password"))
                .as("nothing of a refused import is written")
                .isEqualTo("/login?error");
    }

    @Test
    void theDiscoveryDocumentNamesTheIssuerAndEs256() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(url("/.well-known/openid-configuration"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode discovery = JSON.readTree(response.body());
        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("id_token_signing_alg_values_supported").toString())
                .contains("ES256");
    }

    AppSignIn app() {
        return new AppSignIn(URI.create(ISSUER));
    }
}
