package io.ridemesh.gateway.ops;

import io.ridemesh.gateway.web.GatewayProblems;
import io.ridemesh.kit.problem.reactive.ReactiveProblemWriter;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * On the operator listener ({@link OpsServer}) only the operator's paths are served: {@code /ops/**} and {@code
 * /actuator/health/**} (operators sign in at identity-service); anything else arriving on that port is a 404 problem ({@code
 * not-found}) before security or routing run. Requests on the main port pass untouched. Thread-safe.
 */
public final class OperatorPortFilter implements WebFilter, Ordered {

    private final int opsPort;
    private final ReactiveProblemWriter problems;

    /**
     * @param opsPort the operator listener's port; 0 when there is none (then every request passes)
     */
    public OperatorPortFilter(int opsPort, ReactiveProblemWriter problems) {
        this.opsPort = opsPort;
        this.problems = Objects.requireNonNull(problems, "problems");
    }

    /** Whether {@code path} is served on the operator listener. */
    static boolean isOperatorPath(String path) {
        return path.equals("/ops")
                || path.startsWith("/ops/")
                || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        if (opsPort == 0
                || local == null
                || local.getPort() != opsPort
                || isOperatorPath(
                        exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        return problems.write(
                exchange,
                GatewayProblems.NOT_FOUND,
                "the operator port serves /ops/** and /actuator/health only; apps use the main port",
                Map.of());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
