package io.ridemesh.kit.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public keys of the trusted issuers, held so that a region's tokens stay valid in the other regions while that
 * region is lost. Each issuer's JWK set ({@link TrustedIssuer#jwkSetUri()}, a peer's through the WAN link) is:
 *
 * <ul>
 *   <li>fetched as soon as its issuer answers ({@link #prefetch}), polled every {@value #RETRY_SECONDS} s for up to 10
 *       minutes until it answers (regions start together, and a peer may still be starting), not at a token's first use: a region that dies
 *       before any of its tokens reached a peer would otherwise leave its riders refused there (measured: the demo's
 *       drill, 98.6 s of rides refused at region b until region a was back);
 *   <li>cached for {@code CACHE_TTL} (5 min) and refreshed ahead of expiry in the background (Nimbus {@link
 *       JWKSourceBuilder}), so a rotated key is picked up without a token having to miss it first; a token with an
 *       unknown {@code kid} still makes it fetch again (rate-limited);
 *   <li>kept for {@code OUTAGE_TOLERANCE} (24 h) while its issuer does not answer: a region's outage.
 * </ul>
 *
 * Thread-safe. The prefetch runs on virtual threads; each source refreshes on its own scheduler thread.
 */
public final class IssuerKeys {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeys.class);

    static final Duration CACHE_TTL = Duration.ofMinutes(5);
    static final Duration CACHE_REFRESH_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    static final Duration OUTAGE_TOLERANCE = Duration.ofHours(24);
    static final long RETRY_SECONDS = 2;
    /** 10 minutes of attempts; after that a token's first use fetches the set, as without a prefetch. */
    static final int PREFETCH_ATTEMPTS = 300;

    /** Every key of a set. */
    private static final JWKSelector ALL = new JWKSelector(new JWKMatcher.Builder().build());

    private final Map<String, JWKSource<SecurityContext>> byIssuer = new LinkedHashMap<>();

    /**
     * Builds a key source per issuer and starts fetching their sets ({@link #prefetch}).
     *
     * @throws IllegalArgumentException if a JWK set URI is not a URL
     */
    public IssuerKeys(List<TrustedIssuer> issuers) {
        Map<String, URL> urls = new LinkedHashMap<>();
        for (TrustedIssuer trusted : issuers) {
            try {
                URL url = trusted.jwkSetUri().toURL();
                urls.put(trusted.issuer().toString(), url);
                byIssuer.put(
                        trusted.issuer().toString(),
                        JWKSourceBuilder.<SecurityContext>create(url)
                                .cache(CACHE_TTL.toMillis(), CACHE_REFRESH_TIMEOUT.toMillis())
                                .refreshAheadCache(REFRESH_AHEAD.toMillis(), true)
                                .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                                .retrying(true)
                                .build());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a URL: " + trusted.jwkSetUri(), e);
            }
        }
        prefetch(urls);
    }

    /**
     * The key source of {@code issuer}.
     *
     * @throws IllegalArgumentException if the issuer is not trusted
     */
    public JWKSource<SecurityContext> source(String issuer) {
        JWKSource<SecurityContext> source = byIssuer.get(issuer);
        if (source == null) {
            throw new IllegalArgumentException("not a trusted issuer: " + issuer);
        }
        return source;
    }

    /**
     * The keys of {@code issuer}'s set that {@code selector} matches, from the cache unless it must fetch.
     *
     * @throws KeySourceException if the set was never fetched and cannot be now
     */
    public List<JWK> select(String issuer, JWKSelector selector) throws KeySourceException {
        return source(issuer).get(selector, null);
    }

    /**
     * Fetches every issuer's set in the background, each once it answers: the issuer is polled with a plain GET
     * every {@value #RETRY_SECONDS} s (not through the key source, whose rate limit a failing poll would use up, and
     * a token's first use would then fail), then its source loads the set.
     */
    private void prefetch(Map<String, URL> jwkSetUrls) {
        byIssuer.forEach(
                (issuer, source) -> Thread.ofVirtual().name("jwks-prefetch").start(() -> {
                    DefaultResourceRetriever http = new DefaultResourceRetriever(1_000, 1_000, 50 * 1024);
                    for (int attempt = 1; attempt <= PREFETCH_ATTEMPTS; attempt++) {
                        try {
                            http.retrieveResource(jwkSetUrls.get(issuer));
                            source.get(ALL, null);
                            return;
                        } catch (IOException | KeySourceException e) {
                            if (attempt == 15) { // 30 s: worth a line in the log, once
                                log.warn(
                                        "the keys of trusted issuer {} are not fetched yet (still trying): {}",
                                        issuer,
                                        e.toString());
                            }
                        }
                        try {
                            Thread.sleep(Duration.ofSeconds(RETRY_SECONDS)); // retry pacing, not synchronisation
                        } catch (InterruptedException stop) {
                            return;
                        }
                    }
                }));
    }
}
