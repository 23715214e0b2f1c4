package io.ridemesh.infra.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rider's or driver's app signing in the OAuth 2.1 way against a region's identity-service (directly or through a
 * gateway): the authorization request with PKCE (RFC 7636, S256), the sign-in page (Spring Security's form, with its
 * CSRF token), the authorization code at the redirect URI, the code exchanged for tokens. One instance is one app's
 * browser session (its cookies and its HTTP client, closed by {@link #close}); not thread-safe.
 */
public final class AppSignIn implements AutoCloseable {

    /** The apps' public client and its redirect URI, as identity-service registers them by default. */
    public static final String APP_CLIENT = "ridemesh-app";

    public static final String APP_REDIRECT = "io.ridemesh.app:/oauth2/callback";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final String verifier;

    /** @param base where identity-service answers, e.g. {@code http://127.0.0.1:21050} or a gateway */
    public AppSignIn(URI base) {
        this(base, null);
    }

    /**
     * @param base where identity-service answers, e.g. {@code http://127.0.0.1:21050} or a gateway
     * @param localAddress the address the app's connections come from (a simulated phone's own, e.g. {@code
     *     127.0.3.7}: sign-in is limited per client address); null: the system's choice
     */
    public AppSignIn(URI base, java.net.@org.jspecify.annotations.Nullable InetAddress localAddress) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1 as the apps speak it (no h2c upgrade offered on plain HTTP)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5));
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.http = builder.build();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * What the token endpoint answered.
     *
     * @param refreshToken the refresh token ({@link #refresh}); empty when the server gave none
     * @param expiresInSeconds the access token's lifetime
     */
    public record SignedIn(String accessToken, String idToken, String refreshToken, long expiresInSeconds) {}

    /** Sign-in did not end in tokens; the message says where it stopped. */
    public static final class SignInFailed extends RuntimeException {

        SignInFailed(String message) {
            super(message);
        }
    }

    /**
     * Signs in with {@code login} and {@code password}.
     *
     * @throws SignInFailed if the password was refused, the account locked or any step answered unexpectedly
     */
    public SignedIn signIn(String login, String password) throws IOException, InterruptedException {
        String afterSignIn = submitPassword(login, password);
        if (!afterSignIn.startsWith("/oauth2/authorize")) {
            throw new SignInFailed("the sign-in page refused " + login + " (redirected to " + afterSignIn + ")");
        }
        HttpResponse<String> authorized = get(afterSignIn);
        String callback = authorized.headers().firstValue("Location").orElse("");
        if (authorized.statusCode() != 302 || !callback.startsWith(APP_REDIRECT)) {
            throw new SignInFailed("no authorization code: " + authorized.statusCode() + " " + callback);
        }
        String code = query(URI.create(callback).getRawQuery()).get("code");
        return token(Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", APP_REDIRECT,
                "client_id", APP_CLIENT,
                "code_verifier", verifier));
    }

    /**
     * Trades {@code refreshToken} for new tokens, as an app does when its access token nears its end: no password, no
     * sign-in page. The refresh token is spent; the answer carries the next one.
     *
     * @throws SignInFailed if the token endpoint refused it (spent, expired, or the account is gone)
     */
    public SignedIn refresh(String refreshToken) throws IOException, InterruptedException {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", APP_CLIENT));
    }

    private SignedIn token(Map<String, String> fields) throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(base.resolve("/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new SignInFailed("the token endpoint answered " + token.statusCode() + ": " + token.body());
        }
        JsonNode body = JSON.readTree(token.body());
        return new SignedIn(
                body.path("access_token").asText(),
                body.path("id_token").asText(),
                body.path("refresh_token").asText(),
                body.path("expires_in").asLong());
    }

    /**
     * Starts an authorization request and submits the sign-in page it leads to.
     *
     * @return the path the sign-in redirected to: the authorization request again when the password was right, {@code
     *     /login?error} when it was refused or the account is locked
     * @throws SignInFailed if the authorization request or the page answered unexpectedly
     */
    public String submitPassword(String login, String password) throws IOException, InterruptedException {
        HttpResponse<String> authorize = get("/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        APP_CLIENT,
                        "redirect_uri",
                        APP_REDIRECT,
                        "scope",
                        "openid rides",
                        "state",
                        Long.toHexString(System.nanoTime()),
                        "code_challenge",
                        challenge(),
                        "code_challenge_method",
                        "S256")));
        if (authorize.statusCode() != 302) {
            throw new SignInFailed(
                    "the authorization request answered " + authorize.statusCode() + ": " + authorize.body());
        }
        HttpResponse<String> page = get("/login");
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new SignInFailed("no sign-in page: " + page.statusCode());
        }
        HttpResponse<String> submitted = http.send(
                HttpRequest.newBuilder(base.resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                form(Map.of("username", login, "password", password, "_csrf", csrf.group(1)))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 302) {
            throw new SignInFailed("the sign-in page answered " + submitted.statusCode());
        }
        return pathOf(submitted.headers().firstValue("Location").orElse(""));
    }

    /** Closes the app's HTTP client (its connections and selector thread). */
    @Override
    public void close() {
        http.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A redirect's path and query, whichever host it names (identity-service's own or the gateway's). */
    private static String pathOf(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    private String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
