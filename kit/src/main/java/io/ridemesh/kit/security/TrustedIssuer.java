package io.ridemesh.kit.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A regional authorization server whose ES256 tokens the services accept (issue 19: identity-service, one per region).
 *
 * @param issuer the exact {@code iss} of its tokens, e.g. {@code http://127.0.0.1:21050}
 * @param jwkSetUri where its public keys are fetched from (its {@code /oauth2/jwks}; across regions through whatever
 *     link reaches that region, so it may differ from the issuer's own address)
 */
public record TrustedIssuer(URI issuer, URI jwkSetUri) {

    /**
     * Parses the setting {@code <issuer> <jwk set uri>[,<issuer> <jwk set uri>...]} (blank: none), the form the
     * launcher writes into {@code RIDEMESH_TRUSTED_ISSUERS}.
     *
     * @throws IllegalArgumentException naming the entry that is not two absolute http(s) URIs
     */
    public static List<TrustedIssuer> parseList(String setting) {
        List<TrustedIssuer> issuers = new ArrayList<>();
        if (setting.isBlank()) {
            return issuers;
        }
        for (String entry : setting.split(",")) {
            String[] parts = entry.strip().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "a trusted issuer is '<issuer> <jwk set uri>', but was '" + entry.strip() + "'");
            }
            URI issuer = httpUri(parts[0], entry);
            URI jwks = httpUri(parts[1], entry);
            issuers.add(new TrustedIssuer(issuer, jwks));
        }
        return issuers;
    }

    /**
     * Checks the setting {@code name} = {@code setting} ({@link #parseList}) names at least one issuer: a service that
     * trusts nobody would refuse every call.
     *
     * @throws IllegalArgumentException naming the setting when it is blank or an entry is not two http(s) URIs
     */
    public static List<TrustedIssuer> requireSome(String name, @Nullable String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalArgumentException(name + " must name at least one trusted issuer, e.g. via "
                    + "RIDEMESH_TRUSTED_ISSUERS ('<issuer> <jwk set uri>[,...]')");
        }
        try {
            return parseList(setting);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static URI httpUri(String text, String entry) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI in trusted issuer '" + entry.strip() + "': " + text);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URI in trusted issuer '" + entry.strip() + "': " + text);
        }
        return uri;
    }
}
