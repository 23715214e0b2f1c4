package io.ridemesh.order.ride.web;

import io.ridemesh.kit.security.PlatformTokens;
import io.ridemesh.order.ride.application.Actor;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a validated JWT into the {@link Actor} the use cases take. Stateless; thread-safe. */
public final class Actors {

    private Actors() {}

    /**
     * The caller of a request whose token passed the kit's validators ({@link PlatformTokens#validator()}).
     *
     * @throws IllegalStateException if the token lacks {@code sub} or a known {@code role} (the validators prevent it)
     */
    public static Actor of(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null) {
            throw new IllegalStateException("validated JWT must have sub and role");
        }
        return new Actor(subject, PlatformTokens.roleOf(jwt));
    }
}
