package io.ridemesh.kit.problem.servlet;

import io.ridemesh.kit.problem.RequestBodyTooLarge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Rejects request bodies larger than a limit with 413 before anything parses them: a declared
 * {@code Content-Length} over the limit is refused at once; a body without one (chunked) fails as soon as reading
 * crosses the limit. The problem body comes from the service's {@link ServletProblemHandler} (through the {@link
 * HandlerExceptionResolver}). Declared as a bean it is registered by Spring Boot before security ({@link #getOrder}),
 * so an oversized body is refused before any work. Thread-safe.
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter implements Ordered {

    /** Before Spring Security's filter chain (order -100). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final long maxBytes;
    private final HandlerExceptionResolver resolver;

    /**
     * @param maxBytes the largest accepted body, bytes, {@code >= 1}
     * @param resolver writes the 413 problem body
     */
    public RequestBodyLimitFilter(long maxBytes, HandlerExceptionResolver resolver) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, but was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            resolver.resolveException(request, response, null, RequestBodyTooLarge.declared(maxBytes, declared));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private @Nullable ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream stream = limited;
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), maxBytes);
                limited = stream;
            }
            return stream;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw RequestBodyTooLarge.streamed(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
