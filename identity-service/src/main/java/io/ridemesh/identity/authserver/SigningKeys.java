package io.ridemesh.identity.authserver;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The region's signing keys: EC P-256 private keys (ES256, RFC 7518 section 3.4), each with a {@code kid}, and each
 * with an optional validity in the JWK's own {@code nbf} and {@code exp} members (epoch seconds, as Nimbus reads
 * them). At an instant:
 *
 * <ul>
 *   <li>a key is <b>published</b> (in the JWK set services verify with) until its {@code exp}; one without {@code exp}
 *       always is;
 *   <li>the key that <b>signs</b> is, among the published keys whose {@code nbf} has come (none: always), the one with
 *       the latest {@code nbf}; of equals, the first in the set.
 * </ul>
 *
 * This is how a key rotates without downtime ({@code ./platform rotate-keys}): the next key is added with {@code nbf}
 * a while ahead, so every service has it in its cached key set before the first token it signs arrives (services also
 * refresh when they meet an unknown {@code kid}), and the previous key gets an {@code exp} one token lifetime after
 * that, so the last token it signed still verifies until it expires. A set without any {@code nbf} or {@code exp} is
 * what it always was: the first key signs. Immutable; thread-safe.
 */
public final class SigningKeys {

    private final List<ECKey> keys;

    private SigningKeys(List<ECKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Parses a JWK set (JSON, {@code {"keys":[...]}}).
     *
     * @param source what the JSON is, for the messages (e.g. {@code identity.signing-keys})
     * @throws IllegalArgumentException naming the key at fault: not a JWK set, no key, not EC P-256, no private part, no
     *     or a repeated {@code kid}, an {@code exp} not after its {@code nbf}
     */
    public static SigningKeys parse(String jwkSetJson, String source) {
        JWKSet set;
        try {
            set = JWKSet.parse(jwkSetJson);
        } catch (ParseException e) {
            throw new IllegalArgumentException(source + " is not a JWK set: " + e.getMessage());
        }
        if (set.getKeys().isEmpty()) {
            throw new IllegalArgumentException(source + " must hold at least one key");
        }
        List<ECKey> keys = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < set.getKeys().size(); i++) {
            String at = source + " key " + i;
            JWK jwk = set.getKeys().get(i);
            if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                throw new IllegalArgumentException(at + " must be an EC P-256 key (ES256)");
            }
            if (!ec.isPrivate()) {
                throw new IllegalArgumentException(at + " must hold the private key");
            }
            if (ec.getKeyID() == null || ec.getKeyID().isBlank() || !kids.add(ec.getKeyID())) {
                throw new IllegalArgumentException(at + " must have a kid of its own");
            }
            if (ec.getNotBeforeTime() != null
                    && ec.getExpirationTime() != null
                    && !ec.getExpirationTime().after(ec.getNotBeforeTime())) {
                throw new IllegalArgumentException(at + " (" + ec.getKeyID() + ") must have its exp after its nbf");
            }
            keys.add(ec);
        }
        return new SigningKeys(keys);
    }

    /**
     * The key that signs at {@code now}.
     *
     * @throws IllegalStateException if no key may sign then (every key expired or not yet valid): no token can be
     *     issued until the set is fixed
     */
    public ECKey signingKey(Instant now) {
        ECKey best = null;
        Instant bestFrom = null;
        for (ECKey key : keys) {
            if (!published(key, now)) {
                continue;
            }
            Instant from = key.getNotBeforeTime() == null
                    ? Instant.MIN
                    : key.getNotBeforeTime().toInstant();
            if (from.isAfter(now)) {
                continue;
            }
            if (best == null || from.isAfter(bestFrom)) {
                best = key;
                bestFrom = from;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no signing key is valid at " + now + " (kids " + kids() + ")");
        }
        return best;
    }

    /** The {@code kid} of {@link #signingKey(Instant)}. */
    public String activeKeyId(Instant now) {
        return signingKey(now).getKeyID();
    }

    /**
     * The keys published at {@code now}, private parts included (the JWK set endpoint publishes only their public
     * parts).
     */
    public JWKSet jwkSet(Instant now) {
        return new JWKSet(keys.stream()
                .filter(key -> published(key, now))
                .map(JWK.class::cast)
                .toList());
    }

    /** Every key's {@code kid}, in the set's order. */
    public List<String> kids() {
        return keys.stream().map(JWK::getKeyID).toList();
    }

    private static boolean published(JWK key, Instant now) {
        Date exp = key.getExpirationTime();
        return exp == null || exp.toInstant().isAfter(now);
    }
}
