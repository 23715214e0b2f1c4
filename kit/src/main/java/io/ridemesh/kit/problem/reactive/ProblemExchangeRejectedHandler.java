package io.ridemesh.kit.problem.reactive;

import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.Problems;
import java.util.Objects;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's WebFlux firewall refusals (an encoded {@code ..}, {@code %2F}, {@code %00} or {@code ;} in the
 * path, a method outside the allowed ones such as TRACE, a header that is not printable ASCII) as a 400
 * {@link ProblemType#REQUEST_REJECTED} problem instead of a bare 400. Declared as a bean, it is the handler Spring
 * Security's {@code WebFilterChainProxy} uses. The detail names the firewall's reason, never the request's text.
 * Thread-safe.
 */
public final class ProblemExchangeRejectedHandler implements ServerExchangeRejectedHandler {

    private final ReactiveProblemWriter problems;

    public ProblemExchangeRejectedHandler(ReactiveProblemWriter problems) {
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
        return problems.write(
                exchange,
                Problems.of(
                        ProblemType.REQUEST_REJECTED,
                        "the request line or a header was refused before the gateway read it"));
    }
}
