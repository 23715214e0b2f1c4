package io.ridemesh.dispatch.supply.web;

import io.ridemesh.dispatch.supply.domain.DriverId;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a validated JWT into the driver it names ({@code sub}). Stateless; thread-safe. */
public final class Callers {

    private Callers() {}

    /** The calling driver: the token's {@code sub}. */
    public static DriverId driver(Jwt jwt) {
        String sub = jwt.getSubject();
        if (sub == null) {
            throw new IllegalStateException("validated JWT must have a sub");
        }
        return new DriverId(sub);
    }
}
