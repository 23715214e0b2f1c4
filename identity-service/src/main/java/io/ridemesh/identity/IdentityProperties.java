package io.ridemesh.identity;

import io.ridemesh.kit.security.ServiceSecuritySettings;
import io.ridemesh.kit.security.TrustedIssuer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * All settings of identity-service, prefix {@code identity}. Defaults live here only; secrets have none (they come from
 * the environment the launcher writes, {@code .platform/credentials.properties}) and {@link #toString()} masks them.
 *
 * @param regionId this region's numeric id, 1..15 ({@code RIDEMESH_REGION_ID}): in account ids and {@code
 *     origin_region}
 * @param nodeId this process's id generator within the region, 0..7
 * @param issuer this region's issuer URL, the {@code iss} of every token it signs and the base of its metadata
 *     ({@code /.well-known/openid-configuration}, {@code /oauth2/jwks}), e.g. {@code http://127.0.0.1:21050}
 * @param signingKeys the region's signing keys, a JWK set as JSON ({@code {"keys":[...]}}, RFC 7517 section 5) of EC
 *     P-256 private keys with a {@code kid} ({@code RIDEMESH_IDENTITY_SIGNING_KEYS}); which signs and which are
 *     published follows their {@code nbf} and {@code exp} ({@code SigningKeys}). Fixed for the life of the process;
 *     set this or {@link #signingKeysFile}
 * @param signingKeysFile a file holding that JWK set ({@code IDENTITY_SIGNING_KEYS_FILE}), read again when it changes,
 *     so keys rotate without a restart ({@code ./platform rotate-keys}); set this or {@link #signingKeys}
 * @param accessTokenTtl lifetime of an access token
 * @param appClient the public client of the rider and driver apps (authorization code with PKCE)
 * @param consoleClient the public client of the operators' failover console, a page in the browser (authorization code
 *     with PKCE)
 * @param serviceClients confidential clients of the services (client credentials): client id to secret; an entry
 *     with a blank secret is no client ({@code application.yml} lists the platform's services, each secret from
 *     {@code IDENTITY_CLIENT_SECRET_<SERVICE>})
 * @param signIn lockout and rate limits of sign-in
 * @param passwords password rules
 * @param hlc the hybrid logical clock that stamps account writes
 * @param maxRequestBody largest accepted request body; larger ones get 413
 * @param bootstrapOperator the operator account made at start if its login has none (blank login: none)
 * @param acceptTokensFrom the authorization servers whose tokens the account API accepts ({@code
 *     RIDEMESH_TRUSTED_ISSUERS}: {@code <issuer> <jwk set uri>[,...]}, every region's, this one's included), at least
 *     one
 */
@ConfigurationProperties("identity")
public record IdentityProperties(
        int regionId,
        @DefaultValue("0") int nodeId,
        URI issuer,
        @Nullable String signingKeys,
        @Nullable Path signingKeysFile,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue AppClient appClient,
        @DefaultValue ConsoleClient consoleClient,
        @DefaultValue Map<String, String> serviceClients,
        @DefaultValue SignIn signIn,
        @DefaultValue Passwords passwords,
        @DefaultValue Hlc hlc,
        @DefaultValue("16KB") DataSize maxRequestBody,
        @DefaultValue BootstrapOperator bootstrapOperator,
        String acceptTokensFrom)
        implements ServiceSecuritySettings {

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public IdentityProperties {
        Objects.requireNonNull(issuer, "identity.issuer must be set (this region's issuer URL)");
        serviceClients = serviceClients.entrySet().stream()
                .filter(client -> !client.getValue().isBlank())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        if ((signingKeys == null || signingKeys.isBlank()) == (signingKeysFile == null)) {
            throw new IllegalArgumentException("set one of identity.signing-keys (the region's ES256 JWKs,"
                    + " RIDEMESH_IDENTITY_SIGNING_KEYS) and identity.signing-keys-file (IDENTITY_SIGNING_KEYS_FILE)");
        }
        if (regionId < 1 || regionId > 15) {
            throw new IllegalArgumentException("identity.region-id must be in 1..15, but was " + regionId);
        }
        if (nodeId < 0 || nodeId > 7) {
            throw new IllegalArgumentException("identity.node-id must be in 0..7, but was " + nodeId);
        }
        if (!"http".equals(issuer.getScheme()) && !"https".equals(issuer.getScheme())) {
            throw new IllegalArgumentException("identity.issuer must be an http(s) URL, but was " + issuer);
        }
        TrustedIssuer.requireSome("identity.accept-tokens-from", acceptTokensFrom); // fails at start, naming the entry
        if (accessTokenTtl.compareTo(Duration.ofMinutes(1)) < 0 || accessTokenTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(
                    "identity.access-token-ttl must be in 1m..1h, but was " + accessTokenTtl);
        }
        for (Map.Entry<String, String> client : serviceClients.entrySet()) {
            if (!CLIENT_ID.matcher(client.getKey()).matches()) {
                throw new IllegalArgumentException("identity.service-clients keys must match " + CLIENT_ID
                        + ", but was '" + client.getKey() + "'");
            }
            if (client.getValue().length() < 32) {
                throw new IllegalArgumentException(
                        "identity.service-clients." + client.getKey() + " must be a secret of >= 32 characters");
            }
        }
    }

    /** The HLC node key of this process in {@code hlc_high_water}, e.g. {@code identity-service/node-0}. */
    public String hlcNodeKey() {
        return "identity-service/node-" + nodeId;
    }

    @Override
    public String toString() {
        return "IdentityProperties[regionId=" + regionId + ", nodeId=" + nodeId + ", issuer=" + issuer
                + ", signingKeys=***, signingKeysFile=" + signingKeysFile + ", accessTokenTtl=" + accessTokenTtl
                + ", appClient="
                + appClient + ", consoleClient=" + consoleClient + ", serviceClients=" + serviceClients.keySet()
                + " (***), signIn=" + signIn
                + ", passwords=" + passwords + ", hlc=" + hlc + ", maxRequestBody=" + maxRequestBody
                + ", bootstrapOperator=" + bootstrapOperator
                + ", acceptTokensFrom="
                + acceptTokensFrom + "]";
    }

    /**
     * The rider and driver apps' client: public (no secret; a phone cannot keep one), authorization code with PKCE
     * (S256) only, no consent screen (the platform's own app).
     *
     * @param clientId its {@code client_id}
     * @param redirectUris where the authorization endpoint may send the code (the apps' own schemes)
     * @param refreshTokenTtl how long a refresh token lives; each is used once (a refresh answers a new one)
     */
    public record AppClient(
            @DefaultValue("ridemesh-app") String clientId,

            @DefaultValue("io.ridemesh.app:/oauth2/callback")
            List<String> redirectUris,

            @DefaultValue("30d") Duration refreshTokenTtl) {

        public AppClient {
            if (refreshTokenTtl.compareTo(Duration.ofMinutes(5)) < 0) {
                throw new IllegalArgumentException(
                        "identity.app-client.refresh-token-ttl must be >= 5m, but was " + refreshTokenTtl);
            }
        }
    }

    /**
     * The operators' failover console ({@code /console/} on every gateway): a page in the browser, so a public client
     * like the apps (authorization code with PKCE, S256, no consent screen). Its redirect URIs are the console's own
     * address; a loopback one ({@code http://127.0.0.1/console/}) matches the console at any port of that address
     * (RFC 8252 section 7.3, as Spring Authorization Server applies it), so one registration serves every region's
     * gateway of a playground.
     *
     * @param clientId its {@code client_id}
     * @param redirectUris the console's address(es), where the authorization endpoint may send the code
     */
    public record ConsoleClient(
            @DefaultValue("ridemesh-console") String clientId,

            @DefaultValue({"http://127.0.0.1/console/", "http://[::1]/console/"})
            List<String> redirectUris) {}

    /**
     * Sign-in protection.
     *
     * @param maxFailures consecutive failed sign-ins after which an account is locked
     * @param lockout how long a locked account stays locked
     * @param attemptsPerAddressPerMinute sign-in attempts one client address may make per minute, over all accounts
     */
    public record SignIn(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration lockout,
            @DefaultValue("30") int attemptsPerAddressPerMinute) {

        public SignIn {
            if (maxFailures < 1 || maxFailures > 100) {
                throw new IllegalArgumentException("identity.sign-in.max-failures must be in 1..100");
            }
            if (attemptsPerAddressPerMinute < 1) {
                throw new IllegalArgumentException("identity.sign-in.attempts-per-address-per-minute must be >= 1");
            }
        }
    }

    /**
     * Password rules (NIST SP 800-63B section 5.1.1.2: a minimum length, a generous maximum, no composition rules,
     * not the login itself).
     *
     * @param minLength fewest characters
     * @param maxLength most characters
     */
    public record Passwords(
            @DefaultValue("10") int minLength,
            @DefaultValue("128") int maxLength) {

        public Passwords {
            if (minLength < 8 || maxLength < minLength || maxLength > 1024) {
                throw new IllegalArgumentException(
                        "identity.passwords needs 8 <= min-length <= max-length <= 1024, but was " + minLength + ".."
                                + maxLength);
            }
        }
    }

    /**
     * The first operator ({@code RIDEMESH_OPERATOR_LOGIN}, {@code RIDEMESH_OPERATOR_PASSWORD}).
     *
     * @param login its login, an e-mail address; blank: no bootstrap operator
     * @param password its password (required with a login); masked by {@link #toString()}
     * @param subject its {@code sub}
     */
    public record BootstrapOperator(
            @DefaultValue("") String login,
            @DefaultValue("") String password,
            @DefaultValue("operator") String subject) {

        public BootstrapOperator {
            if (!login.isBlank() && password.isBlank()) {
                throw new IllegalArgumentException(
                        "identity.bootstrap-operator.password must be set with a login (RIDEMESH_OPERATOR_PASSWORD)");
            }
        }

        /** Whether one is configured. */
        public boolean configured() {
            return !login.isBlank();
        }

        @Override
        public String toString() {
            return "BootstrapOperator[login=" + login + ", password=***, subject=" + subject + "]";
        }
    }

    /** @param maxOffset the largest amount a remote timestamp may be ahead of the local clock */
    public record Hlc(@DefaultValue("500ms") Duration maxOffset) {}
}
