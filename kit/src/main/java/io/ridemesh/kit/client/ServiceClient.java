package io.ridemesh.kit.client;

import io.ridemesh.kit.security.ServiceTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads another service of the region through its query API: a {@code GET} with the caller's service credentials
 * ({@link ServiceTokens}), its JSON body parsed. This is how a service learns what another one owns instead of reading
 * its schema. Every failure (no token, I/O, timeout, a non-2xx status, a body that is not JSON) is a {@link ServiceCallFailed}
 * naming the service and the status or cause. Thread-safe.
 */
public final class ServiceClient {

    private final String service;
    private final RestClient http;
    private final ServiceTokens tokens;
    private final JsonMapper json;

    /**
     * @param service the called service's name, for messages (e.g. {@code order-service})
     * @param http a client whose base URL is that service's, with connect and read timeouts ({@link #restClient})
     */
    public ServiceClient(String service, RestClient http, ServiceTokens tokens, JsonMapper json) {
        this.service = Objects.requireNonNull(service, "service");
        this.http = Objects.requireNonNull(http, "http");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * A client of {@code baseUrl} on the JDK's HTTP client.
     *
     * @param connectTimeout TCP connect timeout
     * @param readTimeout how long an answer may take
     */
    public static RestClient restClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        requests.setReadTimeout(readTimeout);
        return RestClient.builder()
                .baseUrl(baseUrl.toString())
                .requestFactory(requests)
                .build();
    }

    /**
     * @param what what is read, for messages (e.g. {@code the unit homes})
     * @param uri the request's path and query on the service's base URL
     * @return the body's JSON
     * @throws ServiceCallFailed when the call fails or its answer is not a 2xx JSON body
     */
    public JsonNode get(String what, Function<UriBuilder, URI> uri) {
        ResponseEntity<String> response;
        try {
            String token = tokens.current();
            response = http.get()
                    .uri(uri)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, answer) -> {})
                    .toEntity(String.class);
        } catch (RestClientException | ServiceTokens.Unavailable e) {
            throw new ServiceCallFailed("cannot read " + what + " from " + service + ": " + e.getMessage(), e);
        }
        String body = Objects.requireNonNullElse(response.getBody(), "");
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new ServiceCallFailed("cannot read " + what + " from " + service + ": HTTP "
                    + response.getStatusCode().value() + " " + abbreviate(body));
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new ServiceCallFailed(
                    service + " answered " + what + " with a body that is not JSON: " + abbreviate(body), e);
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
