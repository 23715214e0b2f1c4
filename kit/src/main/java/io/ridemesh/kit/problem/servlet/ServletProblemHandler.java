package io.ridemesh.kit.problem.servlet;

import io.ridemesh.kit.problem.FieldError;
import io.ridemesh.kit.problem.InvalidRequest;
import io.ridemesh.kit.problem.JsonInputErrors;
import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.Problems;
import io.ridemesh.kit.problem.RequestBodyTooLarge;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The base of a servlet service's {@code @RestControllerAdvice}: every error becomes an RFC 9457 problem
 * ({@code application/problem+json}, see {@link Problems}). It answers what every service shares; a subclass adds
 * only its own exception mappings with {@link #answer}.
 *
 * <ul>
 *   <li>413 {@code content-too-large}: a body over the service's limit ({@link RequestBodyLimitFilter}), also when it
 *       surfaced as the cause of a failed read;
 *   <li>400 {@code invalid-field}: {@link InvalidRequest} (every field it lists, in its order), bean validation
 *       (every field, sorted), an unreadable body (the JSON field Jackson
 *       failed on, {@link JsonInputErrors}), a path or query parameter of the wrong type;
 *   <li>503 {@code overloaded} with {@code Retry-After}: shed by {@link RequestsInWorkLimitFilter};
 *   <li>Spring MVC's own errors (405, 406, 415 ...) with their status, as problems with this instance;
 *   <li>500 {@code internal-error} for anything else, logged with the request line, nothing leaked.
 * </ul>
 *
 * Thread-safe (stateless).
 */
public abstract class ServletProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ServletProblemHandler.class);

    /** The problem as a response: its status, {@code application/problem+json}, the request path as instance. */
    protected static ResponseEntity<ProblemDetail> answer(Problems.Builder problem, HttpServletRequest request) {
        ProblemDetail body = problem.instance(request.getRequestURI()).build();
        return ResponseEntity.status(body.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /** One rejected field, as {@link #answer}. */
    protected static ResponseEntity<ProblemDetail> answerField(
            ProblemType type, String field, String detail, HttpServletRequest request) {
        return answer(Problems.field(type, field, detail), request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (org.springframework.validation.FieldError e : ex.getBindingResult().getFieldErrors()) {
            String detail = String.valueOf(e.getDefaultMessage());
            Object rejected = e.getRejectedValue();
            if (rejected != null && !(rejected instanceof Collection<?>)) {
                detail += ", but was " + rejected;
            }
            errors.add(new FieldError(e.getField(), detail));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        if (errors.isEmpty()) {
            errors.add(new FieldError(
                    "body", "is invalid: " + ex.getBindingResult().getAllErrors()));
        }
        return widen(answer(Problems.fields(ProblemType.INVALID_FIELD, errors), servlet(request)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = servlet(request);
        RequestBodyTooLarge tooLarge = JsonInputErrors.causeOfType(e, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return widen(bodyTooLarge(tooLarge, servletRequest));
        }
        FieldError error = JsonInputErrors.describe(e);
        return widen(answerField(ProblemType.INVALID_FIELD, error.field(), error.detail(), servletRequest));
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequest e, HttpServletRequest request) {
        return answer(Problems.fields(ProblemType.INVALID_FIELD, e.errors()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterTypeMismatch(
            MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Class<?> required = e.getRequiredType();
        return answerField(
                ProblemType.INVALID_FIELD,
                e.getName(),
                "must be a " + (required == null ? "value" : required.getSimpleName()) + ", but was " + e.getValue(),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        RequestBodyTooLarge tooLarge = JsonInputErrors.causeOfType(e, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, request);
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(
                Problems.of(
                        ProblemType.INTERNAL_ERROR,
                        "the request failed unexpectedly; it may or may not have taken effect; see the service log"),
                request);
    }

    /** 413 {@code content-too-large} naming {@code body}, with the limit as {@code maxBytes}. */
    @ExceptionHandler(RequestBodyTooLarge.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyTooLarge e, HttpServletRequest request) {
        return answer(
                Problems.field(ProblemType.CONTENT_TOO_LARGE, "body", String.valueOf(e.getMessage()))
                        .property("maxBytes", e.maxBytes()),
                request);
    }

    /** 503 {@code overloaded} with {@code Retry-After: 1}: shed before any work ({@link RequestsInWorkLimitFilter}). */
    @ExceptionHandler(ServiceOverloaded.class)
    ResponseEntity<ProblemDetail> overloaded(ServiceOverloaded e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = answer(
                Problems.of(ProblemType.OVERLOADED, e.getMessage()).property("maxRequestsInWork", e.maxRequests()),
                request);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(answer.getBody());
    }

    /** Spring MVC's own problems (405, 415 ...) get this request's path as their instance. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail detail
                && detail.getInstance() == null
                && request instanceof ServletWebRequest web) {
            detail.setInstance(URI.create(web.getRequest().getRequestURI()));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
