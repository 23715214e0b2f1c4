package io.ridemesh.gateway.web;

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

/** Problem bodies, correlation headers, and {@code /console/} (the static failover console). */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    ReactiveProblemWriter problemWriter(JsonMapper json) {
        return new ReactiveProblemWriter(json, CorrelationWebFilter.CORRELATION_ID_ATTR);
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
