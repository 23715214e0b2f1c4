package io.ridemesh.gateway.web;

import io.ridemesh.kit.problem.reactive.NettyProblemBodies;
import io.ridemesh.kit.problem.reactive.ProblemExchangeRejectedHandler;
import io.ridemesh.kit.problem.reactive.ReactiveProblemWriter;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem bodies (for the gateway's own errors and for the framework's refusals), correlation headers, and
 * {@code /console/} (the static failover console).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    ReactiveProblemWriter problemWriter(JsonMapper json) {
        return new ReactiveProblemWriter(json, CorrelationWebFilter.CORRELATION_ID_ATTR);
    }

    /** The firewall's refusals (encoded {@code ..}, {@code %2F}, {@code ;}, TRACE) as problems, not bare 400s. */
    @Bean
    ProblemExchangeRejectedHandler problemExchangeRejectedHandler(ReactiveProblemWriter problems) {
        return new ProblemExchangeRejectedHandler(problems);
    }

    /**
     * Netty's own refusals (414, 431, an unparsable request line) as problems; Boot applies it to the main listener,
     * and {@code OpsServer} to the operator listener.
     */
    @Bean
    NettyProblemBodies nettyProblemBodies() {
        return new NettyProblemBodies();
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(ReactiveProblemWriter problems) {
        return new ProblemWebExceptionHandler(problems);
    }

    @Bean
    CorrelationWebFilter correlationWebFilter() {
        return new CorrelationWebFilter();
    }

    /** {@code /console} and {@code /console/} serve the page; its scripts come from {@code /console/*.js}. */
    @Bean
    RouterFunction<ServerResponse> consoleRoutes() {
        Resource index = new ClassPathResource("static/console/index.html");
        return RouterFunctions.route()
                .GET("/console", request -> ServerResponse.status(HttpStatus.PERMANENT_REDIRECT)
                        .location(URI.create("/console/"))
                        .build())
                .GET("/console/", request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(index))
                .build();
    }
}
