package io.ridemesh.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.ridemesh.testsupport.TestTokens;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
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

    static final String JWT_KEY =
            "6a77742d746573742d6b65792d6f6e6c792d666f722d6964656e746974792d736572766963652d74657374732d31";
    static final String REDIRECT = "io.ridemesh.app:/oauth2/callback";
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
        registry.add("identity.accept-tokens-from", () -> ISSUER + " " + ISSUER + "/oauth2/jwks");
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
        String operator = TestTokens.of(JWT_KEY, "operator", "ops-1");
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
        Map<String, String> tokens = new AppSignIn().signIn("carol@example.com", "carol's long password");

        SignedJWT signed = SignedJWT.parse(tokens.get("access_token"));
        assertThat(signed.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(signed.getHeader().getKeyID()).isEqualTo("test-key-1");
        Jwt access = NimbusJwtDecoder.withJwkSetUri(url("/oauth2/jwks").toString())
                .jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.ES256)
                .build()
                .decode(tokens.get("access_token"));
        assertThat(access.getSubject()).isEqualTo(account.get("subject").asString());
        assertThat(access.getClaimAsString("role")).isEqualTo("rider");
        assertThat(access.getAudience()).containsExactly("ridemesh");
        assertThat(access.getClaimAsString("iss")).isEqualTo(ISSUER);
        assertThat(access.getExpiresAt()).isNotNull();
        assertThat(SignedJWT.parse(tokens.get("id_token")).getJWTClaimsSet().getSubject())
                .isEqualTo(account.get("subject").asString());
    }

    @Test
    void theAppsTokenReadsAndDeletesItsOwnAccountAfterWhichItCannotSignIn() throws Exception {
        JsonNode account = JSON.readTree(
                signUp("frank@example.com", "frank's long password").body());
        String token = new AppSignIn()
                .signIn("frank@example.com", "frank's long password")
                .get("access_token");
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
        assertThat(new AppSignIn().tryPassword("frank@example.com", "frank's long password"))
                .isEqualTo("/login?error");
        String forged = TestTokens.of(JWT_KEY, "rider", "someone-else");
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
            assertThat(new AppSignIn().tryPassword("dave@example.com", "wrong password " + i))
                    .isEqualTo("/login?error");
        }
        assertThat(new AppSignIn().tryPassword("dave@example.com", "dave's long password"))
                .as("locked")
                .isEqualTo("/login?error");
        signUp("erin@example.com", "erin's long password");
        assertThat(new AppSignIn().tryPassword("erin@example.com", "erin's long password"))
                .as("another account is not locked")
                .startsWith("/oauth2/authorize");
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

    /** A mobile app signing in: the authorization request, the sign-in page, the code, the token request (PKCE). */
    final class AppSignIn {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private final String verifier = "verifier-" + java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();

        Map<String, String> signIn(String login, String password) throws Exception {
            String afterSignIn = tryPassword(login, password);
            assertThat(afterSignIn).startsWith("/oauth2/authorize");
            HttpResponse<String> authorized = get(afterSignIn);
            assertThat(authorized.statusCode()).isEqualTo(302);
            String callback = authorized.headers().firstValue("Location").orElseThrow();
            assertThat(callback).startsWith(REDIRECT);
            String code = query(URI.create(callback).getRawQuery()).get("code");
            HttpResponse<String> token = http.send(
                    HttpRequest.newBuilder(url("/oauth2/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                    "grant_type", "authorization_code",
                                    "code", code,
                                    "redirect_uri", REDIRECT,
                                    "client_id", "ridemesh-app",
                                    "code_verifier", verifier))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(token.body());
            Map<String, String> tokens = new LinkedHashMap<>();
            body.properties().forEach(e -> tokens.put(e.getKey(), e.getValue().asString()));
            return tokens;
        }

        /** Starts an authorization request, signs in on the page it leads to; where the sign-in redirects to. */
        String tryPassword(String login, String password) throws Exception {
            String challenge = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
            HttpResponse<String> authorize = get("/oauth2/authorize?"
                    + form(Map.of(
                            "response_type", "code",
                            "client_id", "ridemesh-app",
                            "redirect_uri", REDIRECT,
                            "scope", "openid rides",
                            "state", "s1",
                            "code_challenge", challenge,
                            "code_challenge_method", "S256")));
            assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
            assertThat(authorize.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            HttpResponse<String> page = get("/login");
            Matcher csrf = CSRF.matcher(page.body());
            assertThat(csrf.find()).as(page.body()).isTrue();
            HttpResponse<String> signedIn = http.send(
                    HttpRequest.newBuilder(url("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    form(Map.of("username", login, "password", password, "_csrf", csrf.group(1)))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            String location = signedIn.headers().firstValue("Location").orElseThrow();
            return location.replaceFirst("^https?://[^/]+", "");
        }

        private HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static byte[] sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
