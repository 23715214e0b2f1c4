package io.ridemesh.kit.problem.servlet;

import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem answers of a servlet service behind Spring Security: 401 {@code unauthorized} with the RFC 6750 challenge
 * ({@code Bearer}, plus {@code error} and {@code error_description} when a token was sent), 403 {@code forbidden}, 400
 * {@code request-rejected} from the firewall. Ordered before the service's own advice (whose catch-all would
 * otherwise answer 500); the security filter chain reaches it through the {@code HandlerExceptionResolver}. A service
 * imports it ({@code @Import(SecurityProblemHandler.class)}). Thread-safe (stateless).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityProblemHandler {

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        String challenge = "Bearer";
        if (e instanceof OAuth2AuthenticationException oauth) {
            String description =
                    String.valueOf(oauth.getError().getDescription()).replaceAll("[\\\\\"]", "'");
            challenge +=
                    " error=\"" + oauth.getError().getErrorCode() + "\", error_description=\"" + description + "\"";
        }
        ResponseEntity<ProblemDetail> body = ServletProblemHandler.answer(
                Problems.of(
                        ProblemType.UNAUTHORIZED,
                        "send a valid bearer token (a JWT with sub and role signed by a trusted issuer): "
                                + e.getMessage()),
                request);
        return ResponseEntity.status(body.getStatusCode())
                .headers(body.getHeaders())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .body(body.getBody());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return ServletProblemHandler.answer(
                Problems.of(
                        ProblemType.FORBIDDEN,
                        "the caller's role may not use " + request.getMethod() + " " + request.getRequestURI()),
                request);
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        return ServletProblemHandler.answer(Problems.of(ProblemType.REQUEST_REJECTED, e.getMessage()), request);
    }
}
