package io.ridemesh.order.web;

import io.ridemesh.common.quote.QuoteExpired;
import io.ridemesh.common.quote.QuoteTampered;
import io.ridemesh.order.ride.application.IdempotencyKeyReused;
import io.ridemesh.order.ride.application.InvalidRideRequest;
import io.ridemesh.order.ride.application.QuoteMismatch;
import io.ridemesh.order.ride.application.RideNotFound;
import io.ridemesh.order.ride.domain.IllegalRideTransition;
import io.ridemesh.order.ride.domain.Ride;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.RiderNoShowTooEarly;
import io.ridemesh.order.ride.domain.StaleWrite;
import io.ridemesh.order.ride.web.RideView;
import io.ridemesh.order.unit.domain.OutsideServiceArea;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place that turns errors into HTTP answers: RFC 9457 problem details ({@code application/problem+json})
 * with {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, and for rejected input an
 * {@code errors} list of {@code {field, message}} naming each offending field. Also used by the security filter chain
 * (401, 403) and the body limit filter (413) through the {@code HandlerExceptionResolver}.
 *
 * <p>Status codes: 400 malformed or out-of-range input; 401 no or bad token; 403 wrong role; 404 no such ride for the
 * caller; 409 the ride's status forbids the command or a concurrent write won (the body carries the current state);
 * 413 body too large; 415 not JSON; 422 well-formed but unacceptable (quote tampered, expired or not matching, pickup
 * outside every unit, idempotency key reused); 500 anything else (logged, no details leaked).
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    /** Problem type URIs are this plus a slug, e.g. {@code .../stale-write}. */
    public static final String TYPE_BASE = "https://ridemesh.io/problems/";

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequest e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage(), request)
                .errors(e.errors())
                .build();
    }

    @ExceptionHandler(InvalidRideRequest.class)
    ResponseEntity<ProblemDetail> invalidRideRequest(InvalidRideRequest e, HttpServletRequest request) {
        return fieldProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.field(), e, request);
    }

    @ExceptionHandler(QuoteTampered.class)
    ResponseEntity<ProblemDetail> quoteTampered(QuoteTampered e, HttpServletRequest request) {
        return problem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "invalid-quote",
                        "Quote not genuine",
                        "quoteToken is not a quote signed by pricing-service: " + e.getMessage(),
                        request)
                .errors(List.of(new FieldError("quoteToken", "must be a genuine quote token: " + e.getMessage())))
                .build();
    }

    @ExceptionHandler(QuoteExpired.class)
    ResponseEntity<ProblemDetail> quoteExpired(QuoteExpired e, HttpServletRequest request) {
        String message = "quote expired at " + e.expiresAt() + ", presented at " + e.now();
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "quote-expired", "Quote expired", message, request)
                .errors(List.of(new FieldError("quoteToken", message + "; ask pricing-service for a new quote")))
                .property("expiresAt", e.expiresAt().toString())
                .build();
    }

    @ExceptionHandler(QuoteMismatch.class)
    ResponseEntity<ProblemDetail> quoteMismatch(QuoteMismatch e, HttpServletRequest request) {
        return fieldProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "quote-mismatch",
                "Request does not match the quote",
                e.field(),
                e,
                request);
    }

    @ExceptionHandler(OutsideServiceArea.class)
    ResponseEntity<ProblemDetail> outsideServiceArea(OutsideServiceArea e, HttpServletRequest request) {
        return fieldProblem(
                HttpStatus.UNPROCESSABLE_CONTENT, "outside-service-area", "Pickup not served", "pickup", e, request);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReused e, HttpServletRequest request) {
        return fieldProblem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Idempotency-Key reused",
                "Idempotency-Key",
                e,
                request);
    }

    @ExceptionHandler(RideNotFound.class)
    ResponseEntity<ProblemDetail> rideNotFound(RideNotFound e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "ride-not-found", "Ride not found", e.getMessage(), request)
                .property("rideId", e.rideId().toString())
                .build();
    }

    @ExceptionHandler(IllegalRideTransition.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalRideTransition e, HttpServletRequest request) {
        return problem(
                        HttpStatus.CONFLICT,
                        "illegal-ride-transition",
                        "Not allowed in this status",
                        e.getMessage(),
                        request)
                .property("rideId", e.rideId().toString())
                .property("currentStatus", e.currentStatus().name())
                .property("command", e.command().name())
                .build();
    }

    @ExceptionHandler(RiderNoShowTooEarly.class)
    ResponseEntity<ProblemDetail> noShowTooEarly(RiderNoShowTooEarly e, HttpServletRequest request) {
        return problem(
                        HttpStatus.CONFLICT,
                        "rider-no-show-too-early",
                        "Too early for a no-show",
                        e.getMessage(),
                        request)
                .property("rideId", e.rideId().toString())
                .property("allowedFrom", e.allowedFrom().toString())
                .build();
    }

    @ExceptionHandler(StaleWrite.class)
    ResponseEntity<ProblemDetail> staleWrite(StaleWrite e, HttpServletRequest request) {
        ProblemBuilder problem = problem(
                        HttpStatus.CONFLICT,
                        "stale-write",
                        "Concurrent update",
                        e.getMessage() + "; re-read the ride and retry if still applicable",
                        request)
                .property("rideId", e.rideId().toString())
                .property("expectedVersion", e.expected().version());
        RideStatus currentStatus = e.currentStatus();
        if (currentStatus != null) {
            problem.property("currentStatus", currentStatus.name()).property("currentVersion", e.currentVersion());
        }
        Ride current = e.current();
        if (current != null) {
            problem.property("ride", RideView.of(current));
        }
        return problem.build();
    }

    @ExceptionHandler(RequestBodyTooLarge.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyTooLarge e, HttpServletRequest request) {
        return tooLarge(e, request);
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected", e.getMessage(), request)
                .build();
    }

    /** 401 with the RFC 6750 challenge: {@code Bearer}, plus {@code error="invalid_token"} if a token was sent. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        String challenge = "Bearer";
        if (e instanceof OAuth2AuthenticationException oauth) {
            String description =
                    String.valueOf(oauth.getError().getDescription()).replaceAll("[\\\\\"]", "'");
            challenge +=
                    " error=\"" + oauth.getError().getErrorCode() + "\", error_description=\"" + description + "\"";
        }
        ResponseEntity<ProblemDetail> body = problem(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "Authentication required",
                        "send a valid bearer token (JWT, HS256) with sub and role: " + e.getMessage(),
                        request)
                .build();
        return ResponseEntity.status(body.getStatusCode())
                .headers(body.getHeaders())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .body(body.getBody());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return problem(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Role not allowed",
                        "the caller's role may not use " + request.getMethod() + " " + request.getRequestURI(),
                        request)
                .build();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        RequestBodyTooLarge tooLarge = causeOfType(e, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge, request);
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "Internal error",
                        "the request failed unexpectedly; it may or may not have taken effect",
                        request)
                .build();
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        RequestBodyTooLarge tooLarge = causeOfType(e, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return widen(tooLarge(tooLarge, servletRequest));
        }
        FieldError error = describeUnreadable(e);
        return widen(problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request",
                        "Invalid request",
                        error.field() + " " + error.message(),
                        servletRequest)
                .errors(List.of(error))
                .build());
    }

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

    private ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLarge e, HttpServletRequest request) {
        return problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large",
                        "Request body too large",
                        "body " + e.getMessage(),
                        request)
                .errors(List.of(new FieldError("body", e.getMessage())))
                .property("maxBytes", e.maxBytes())
                .build();
    }

    /** Names the JSON field Jackson failed on, as a path like {@code pickup.lat}. */
    static FieldError describeUnreadable(HttpMessageNotReadableException e) {
        JacksonException jackson = causeOfType(e, JacksonException.class);
        if (jackson == null) {
            String message = e.getMessage();
            boolean missing = message != null && message.startsWith("Required request body is missing");
            return new FieldError("body", missing ? "is required" : "must be a JSON object");
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
            String name = reference.getPropertyName();
            if (name != null) {
                path.append(path.isEmpty() ? "" : ".").append(name);
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String field = path.isEmpty() ? "body" : path.toString();
        if (jackson instanceof MismatchedInputException mismatch && !path.isEmpty()) {
            Object value = mismatch instanceof InvalidFormatException format ? format.getValue() : null;
            String expected = expectedType(mismatch.getTargetType());
            return new FieldError(
                    field,
                    "must be " + expected + (value == null ? "" : ", but was " + quoted(value))
                            + describeToken(mismatch, value));
        }
        return new FieldError(field, "must be well-formed JSON: " + jackson.getOriginalMessage());
    }

    private static String describeToken(MismatchedInputException mismatch, @Nullable Object value) {
        if (value != null || mismatch.getCurrentToken() == null) {
            return "";
        }
        return switch (mismatch.getCurrentToken()) {
            case VALUE_STRING -> ", but was a string";
            case VALUE_NUMBER_INT -> ", but was an integer";
            case VALUE_NUMBER_FLOAT -> ", but was a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> ", but was a boolean";
            case START_ARRAY -> ", but was an array";
            case START_OBJECT -> ", but was an object";
            case VALUE_NULL -> ", but was null";
            default -> "";
        };
    }

    private static String expectedType(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        return "an object";
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    private static <T extends Throwable> @Nullable T causeOfType(Throwable e, Class<T> type) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 20; depth++) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            cause = cause.getCause();
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    private static ResponseEntity<ProblemDetail> fieldProblem(
            HttpStatus status, String slug, String title, String field, Exception e, HttpServletRequest request) {
        return problem(status, slug, title, field + " " + e.getMessage(), request)
                .errors(List.of(new FieldError(field, String.valueOf(e.getMessage()))))
                .build();
    }

    private static ProblemBuilder problem(
            HttpStatus status, String slug, String title, @Nullable String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        return new ProblemBuilder(problem);
    }

    /** Adds properties fluently; {@code errors} become a list of {@code {field, message}} objects. */
    private static final class ProblemBuilder {

        private final ProblemDetail problem;

        ProblemBuilder(ProblemDetail problem) {
            this.problem = problem;
        }

        ProblemBuilder errors(List<FieldError> errors) {
            problem.setProperty("errors", List.copyOf(errors));
            return this;
        }

        ProblemBuilder property(String name, Object value) {
            problem.setProperty(name, value);
            return this;
        }

        ResponseEntity<ProblemDetail> build() {
            return ResponseEntity.status(problem.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
