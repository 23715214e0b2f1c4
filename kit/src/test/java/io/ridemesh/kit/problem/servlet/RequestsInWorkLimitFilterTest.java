package io.ridemesh.kit.problem.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request over the limit of requests in work is shed before any work and answered as a 503 problem; a finished
 * request gives its place back.
 */
class RequestsInWorkLimitFilterTest {

    private final List<Exception> resolved = new ArrayList<>();
    private final HandlerExceptionResolver resolver = (request, response, handler, e) -> {
        resolved.add(e);
        return new ModelAndView();
    };

    @Test
    void aRequestOverTheLimitIsShedWithoutWork() throws Exception {
        RequestsInWorkLimitFilter filter = new RequestsInWorkLimitFilter(1, resolver);
        AtomicInteger worked = new AtomicInteger();
        // the first request is in work while the second arrives
        MockFilterChain first = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res)
                    throws ServletException, IOException {
                worked.incrementAndGet();
                MockFilterChain second = new MockFilterChain(new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest r, HttpServletResponse s) {
                        worked.incrementAndGet();
                    }
                });
                filter.doFilter(new MockHttpServletRequest("POST", "/v1/rides"), new MockHttpServletResponse(), second);
            }
        });

        filter.doFilter(new MockHttpServletRequest("GET", "/v1/rides"), new MockHttpServletResponse(), first);

        assertThat(worked).as("only the first request was worked on").hasValue(1);
        assertThat(resolved).singleElement().isInstanceOf(ServiceOverloaded.class);
        assertThat(filter.available())
                .as("the first request gave its place back")
                .isOne();
    }

    @Test
    void requestsOneAfterAnotherAreAllServed() throws Exception {
        RequestsInWorkLimitFilter filter = new RequestsInWorkLimitFilter(1, resolver);
        for (int i = 0; i < 3; i++) {
            filter.doFilter(
                    new MockHttpServletRequest("GET", "/v1/rides"),
                    new MockHttpServletResponse(),
                    new MockFilterChain());
        }
        assertThat(resolved).isEmpty();
        assertThat(filter.available()).isOne();
    }

    @Test
    void theShedRequestIsA503ProblemWithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = new ServletProblemHandler() {}.overloaded(
                new ServiceOverloaded(256), new MockHttpServletRequest("POST", "/v1/quotes"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(String.valueOf(answer.getBody().getType())).endsWith("overloaded");
        assertThat(answer.getBody().getProperties()).containsEntry("maxRequestsInWork", 256);
    }
}
