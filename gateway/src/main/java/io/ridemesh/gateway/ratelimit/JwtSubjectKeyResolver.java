package io.ridemesh.gateway.ratelimit;

import io.ridemesh.kit.security.PlatformTokens;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rate-limit key of a request: {@code <role>:<sub>} of its validated JWT (a rider and a driver who share a user id get
 * separate buckets); empty for anonymous requests, which are not limited here (the only service routes they reach are
 * identity-service's sign-up and sign-in, which limit per client address themselves).
 * Thread-safe.
 */
public final class JwtSubjectKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(JwtAuthenticationToken.class::cast)
                .map(token -> token.getToken().getClaimAsString(PlatformTokens.ROLE_CLAIM) + ":"
                        + token.getToken().getSubject());
    }
}
