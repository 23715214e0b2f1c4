package io.ridemesh.common.quote;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies quote tokens with HMAC-SHA256 (RFC 2104; FIPS 198-1), so order-service can trust a price without
 * calling pricing-service.
 *
 * <p><b>Token.</b> {@code base64url(payload) + "." + base64url(HMAC-SHA256(key, ascii(base64url(payload))))}, base64url
 * without padding (RFC 4648 §5). The MAC covers the encoded payload exactly as transmitted, as JWS (RFC 7515) does,
 * so no alternative encoding of the same bytes verifies.
 *
 * <p><b>Payload</b> (canonical serialization, UTF-8, fields joined by {@code '|'} in this order): {@code q2}
 * (format version), quoteId, product, seats, pickupLat, pickupLon, dropoffLat, dropoffLon, fareCents, currency,
 * surgeMilli, distanceMetres, durationSeconds, expiresAt as epoch milliseconds, riderId. Doubles are written with
 * {@link Double#toString(double)}, which round-trips exactly; no field but the last can contain {@code '|'} (see
 * {@link QuoteClaims}), and the last, riderId, is read as the rest of the payload. {@code expiresAt} is truncated to
 * milliseconds when signing. Format {@code q1} (without the rider) is no longer accepted: a quote is bound to its
 * rider.
 *
 * <p><b>Verification</b> recomputes the MAC and compares in constant time ({@link MessageDigest#isEqual}) before it
 * parses anything, then checks expiry: a token is valid while {@code now < expiresAt}.
 *
 * <p>Thread-safe: a {@link Mac} is created per call (Mac instances are not thread-safe).
 */
public final class QuoteSigner {

    /** Minimum key length in bytes: the HMAC-SHA256 output length, as RFC 2104 §3 recommends. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "q2";
    private static final int FIELDS = 15;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /**
     * @param key the shared secret, at least {@value #MIN_KEY_BYTES} bytes, from configuration; copied
     * @throws IllegalArgumentException if the key is too short
     */
    public QuoteSigner(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "quote signing key must be >= " + MIN_KEY_BYTES + " bytes, but was " + key.length);
        }
        this.key = new SecretKeySpec(Arrays.copyOf(key, key.length), ALGORITHM);
    }

    /** The token for {@code claims}. */
    public String sign(QuoteClaims claims) {
        String payload = ENCODER.encodeToString(serialize(claims).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * The claims of a genuine, unexpired token.
     *
     * @param now the verifier's current time
     * @throws QuoteTampered if the token is malformed or its signature does not match under this key
     * @throws QuoteExpired if the token is genuine but {@code now} is at or after its expiry
     */
    public QuoteClaims verify(String token, Instant now) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || dot == token.length() - 1) {
            throw new QuoteTampered("token must be 'payload.signature'");
        }
        String payload = token.substring(0, dot);
        byte[] presented;
        try {
            presented = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new QuoteTampered("signature is not base64url");
        }
        if (!MessageDigest.isEqual(mac(payload), presented)) {
            throw new QuoteTampered("signature does not match payload");
        }
        QuoteClaims claims = parse(payload);
        if (!now.isBefore(claims.expiresAt())) {
            throw new QuoteExpired(claims.quoteId(), claims.expiresAt(), now);
        }
        return claims;
    }

    static String serialize(QuoteClaims c) {
        return String.join(
                "|",
                VERSION,
                c.quoteId(),
                c.product(),
                Integer.toString(c.seats()),
                Double.toString(c.pickupLat()),
                Double.toString(c.pickupLon()),
                Double.toString(c.dropoffLat()),
                Double.toString(c.dropoffLon()),
                Long.toString(c.fareCents()),
                c.currency(),
                Long.toString(c.surgeMilli()),
                Long.toString(c.distanceMetres()),
                Long.toString(c.durationSeconds()),
                Long.toString(c.expiresAt().toEpochMilli()),
                c.riderId());
    }

    private static QuoteClaims parse(String payload) {
        // Only reached for payloads this key signed, so a failure here means a signer bug or a key shared with a
        // different format: still refuse, as tampered.
        try {
            String text = new String(DECODER.decode(payload), StandardCharsets.UTF_8);
            List<String> f = List.of(text.split("\\|", FIELDS));
            if (f.size() != FIELDS || !f.get(0).equals(VERSION)) {
                throw new QuoteTampered("payload is not a " + VERSION + " quote");
            }
            return new QuoteClaims(
                    f.get(1),
                    f.get(2),
                    Integer.parseInt(f.get(3)),
                    Double.parseDouble(f.get(4)),
                    Double.parseDouble(f.get(5)),
                    Double.parseDouble(f.get(6)),
                    Double.parseDouble(f.get(7)),
                    Long.parseLong(f.get(8)),
                    f.get(9),
                    Long.parseLong(f.get(10)),
                    Long.parseLong(f.get(11)),
                    Long.parseLong(f.get(12)),
                    Instant.ofEpochMilli(Long.parseLong(f.get(13))),
                    f.get(14));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new QuoteTampered("payload does not parse: " + e.getMessage());
        }
    }

    private byte[] mac(String encodedPayload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(encodedPayload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable in this JVM", e);
        }
    }
}
