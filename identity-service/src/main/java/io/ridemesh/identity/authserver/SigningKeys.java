package io.ridemesh.identity.authserver;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The region's signing keys: EC P-256 private keys (ES256, RFC 7518 section 3.4), each with a {@code kid}. The first
 * signs every token; all of them are published in the JWK set, so that a rotation can publish the next key before it
 * signs (services refresh their cached key set when they meet an unknown {@code kid}) and keep the previous one until
 * the last token it signed has expired. Immutable; thread-safe.
 */
public final class SigningKeys {

    private final List<ECKey> keys;

    private SigningKeys(List<ECKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Parses a JWK set (JSON, {@code {"keys":[...]}}).
     *
     * @throws IllegalArgumentException naming the key at fault: not a JWK set, no key, not EC P-256, no private part, no
     *     or a repeated {@code kid}
     */
    public static SigningKeys parse(String jwkSetJson) {
        JWKSet set;
        try {
            set = JWKSet.parse(jwkSetJson);
        } catch (ParseException e) {
            throw new IllegalArgumentException("identity.signing-keys is not a JWK set: " + e.getMessage());
        }
        if (set.getKeys().isEmpty()) {
            throw new IllegalArgumentException("identity.signing-keys must hold at least one key");
        }
        List<ECKey> keys = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < set.getKeys().size(); i++) {
            String at = "identity.signing-keys key " + i;
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
            keys.add(ec);
        }
        return new SigningKeys(keys);
    }

    /** The {@code kid} of the key that signs. */
    public String activeKeyId() {
        return keys.get(0).getKeyID();
    }

    /** Every key, private parts included (the JWK set endpoint publishes only their public parts). */
    public JWKSet jwkSet() {
        return new JWKSet(List.<JWK>copyOf(keys));
    }
}
