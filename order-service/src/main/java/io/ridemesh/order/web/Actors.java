package io.ridemesh.order.web;

import io.ridemesh.order.ride.application.Actor;
import io.ridemesh.order.ride.application.Role;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns a validated JWT into the {@link Actor} the use cases take. Stateless; thread-safe. */
public final class Actors {

    /** The JWT claim that carries the {@link Role}. */
    public static final String ROLE_CLAIM = "role";

    private Actors() {}

    /**
     * The caller of a request whose token passed {@link SecurityConfiguration}'s validators.
     *
     * @throws IllegalStateException if the token lacks {@code sub} or a known {@code role} (the validators prevent it)
     */
    public static Actor of(Jwt jwt) {
        String subject = jwt.getSubject();
        String claim = jwt.getClaimAsString(ROLE_CLAIM);
        if (subject == null || claim == null) {
            throw new IllegalStateException("validated JWT must have sub and role");
        }
        Role role = Role.fromClaim(claim)
                .orElseThrow(() -> new IllegalStateException("validated JWT has unknown role '" + claim + "'"));
        return new Actor(subject, role);
    }
}
