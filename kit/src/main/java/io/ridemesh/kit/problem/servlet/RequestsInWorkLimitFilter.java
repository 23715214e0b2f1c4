package io.ridemesh.kit.problem.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Sheds a request at once, 503 {@code overloaded} ({@link ServiceOverloaded}), when the service already has {@code
 * maxRequests} requests in work: a semaphore without waiting, taken before security and any work and given back when
 * the request's thread leaves the chain. A long poll that went asynchronous (a driver waiting for an offer) leaves the
 * chain when it starts waiting, so it holds no place while it waits; its answer (the async dispatch) is never shed.
 *
 * <p>Why: requests run on virtual threads, which Tomcat does not bound. Measured with {@code ./platform bench calls} on
 * a 2-core machine (a process per service, open-loop 200 calls/s): once a service fell behind, every queued request
 * held its stack, buffers and parsed body, the heap (384 MB) filled, the collector ran back to back and the service
 * died of {@code OutOfMemoryError}, answering nothing. With the limit, the excess is refused cheaply and what is
 * admitted finishes. Declared as a bean it is registered by Spring Boot before security ({@link #getOrder}).
 * Thread-safe.
 */
public final class RequestsInWorkLimitFilter extends OncePerRequestFilter implements Ordered {

    /** First of the kit's filters, before the body limit and Spring Security (order -100). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    private final int maxRequests;
    private final Semaphore places;
    private final HandlerExceptionResolver resolver;

    /**
     * @param maxRequests requests in work at most, {@code >= 1}
     * @param resolver writes the 503 problem body
     * @throws IllegalArgumentException if {@code maxRequests < 1}
     */
    public RequestsInWorkLimitFilter(int maxRequests, HandlerExceptionResolver resolver) {
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be >= 1, but was " + maxRequests);
        }
        this.maxRequests = maxRequests;
        this.places = new Semaphore(maxRequests);
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Places free now (for tests and metrics). */
    public int available() {
        return places.availablePermits();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!places.tryAcquire()) {
            resolver.resolveException(request, response, null, new ServiceOverloaded(maxRequests));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }
}
