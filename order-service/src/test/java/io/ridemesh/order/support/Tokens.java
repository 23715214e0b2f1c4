package io.ridemesh.order.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/** Mints HS256 JWTs the way the gateway does, with the test key of application-test.yml. */
public final class Tokens {

    /** Same as {@code order.jwt-secret} in application-test.yml. */
    public static final String JWT_SECRET_HEX =
            "6a77742d746573742d6b65792d6f6e6c792d666f722d6f726465722d736572766963652d74657374732d303031";

    private Tokens() {}

    public static String rider(String id) {
        return token(id, "rider");
    }

    public static String driver(String id) {
        return token(id, "driver");
    }

    public static String operator(String id) {
        return token(id, "operator");
    }

    public static String service(String id) {
        return token(id, "service");
    }

    /** A token valid for an hour. */
    public static String token(String subject, String role) {
        return sign(
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .claim("role", role)
                        .issueTime(new Date())
                        .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
                        .build(),
                JWT_SECRET_HEX);
    }

    /** Signs arbitrary claims with a hex key. */
    public static String sign(JWTClaimsSet claims, String keyHex) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(HexFormat.of().parseHex(keyHex)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Authorization} header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
