package io.ridemesh.infra.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes accounts at a region's identity-service the way an operator brings existing users over: {@code POST
 * /v1/accounts/imports} (through the region's gateway or on identity-service's own port), {@value #BATCH} accounts per
 * request, each with a password hash made by the caller ({@code {bcrypt}...}: an import hashes nothing, so a thousand
 * accounts cost no thousand password hashes). Their apps then sign in with {@link AppSignIn}. Used by the demo's
 * provisioning and by tests that need real users. Thread-safe.
 */
public final class AccountImports {

    /** Accounts per request (identity-service takes at most 100 and 16 KB). */
    public static final int BATCH = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An account to make.
     *
     * @param login what its owner signs in with, e.g. {@code rider-7@demo.ridemesh.local}
     * @param role {@code rider}, {@code driver} or {@code operator}
     * @param subject its tokens' {@code sub}: a rider's id, a driver's driver id
     */
    public record Account(String login, String role, String subject) {}

    private final HttpClient http;

    public AccountImports() {
        this(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build());
    }

    /** @param http the client the imports go through */
    public AccountImports(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Imports {@code accounts} at {@code base} in batches of {@value #BATCH}.
     *
     * @param base the region's gateway or identity-service, e.g. {@code http://127.0.0.1:21080}
     * @param operatorToken an operator's access token
     * @param passwordHash every account's password hash, with its encoder's prefix ({@code {bcrypt}$2a$10$...})
     * @return how many accounts the imports made (the others existed)
     * @throws IOException if a request fails or is refused (its status and body in the message)
     */
    public int importAll(URI base, String operatorToken, List<Account> accounts, String passwordHash)
            throws IOException, InterruptedException {
        int created = 0;
        for (int from = 0; from < accounts.size(); from += BATCH) {
            created += importBatch(
                    base, operatorToken, accounts.subList(from, Math.min(accounts.size(), from + BATCH)), passwordHash);
        }
        return created;
    }

    private int importBatch(URI base, String operatorToken, List<Account> batch, String passwordHash)
            throws IOException, InterruptedException {
        List<Map<String, String>> entries = batch.stream()
                .map(a -> Map.of(
                        "login", a.login(), "passwordHash", passwordHash, "role", a.role(), "subject", a.subject()))
                .toList();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/accounts/imports"))
                .header("Authorization", "Bearer " + operatorToken)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("accounts", entries))))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "importing accounts at " + base + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode result = JSON.readTree(response.body());
        return result.path("created").asInt();
    }
}
