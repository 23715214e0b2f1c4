package io.ridemesh.dispatch.web;

import io.ridemesh.dispatch.offer.application.OfferNotFound;
import io.ridemesh.dispatch.offer.application.OfferNotOpen;
import io.ridemesh.dispatch.offer.application.OfferVoid;
import io.ridemesh.dispatch.offer.application.OrderServiceUnavailable;
import io.ridemesh.dispatch.supply.application.DriverBusy;
import io.ridemesh.dispatch.supply.application.DriverNotOnline;
import io.ridemesh.dispatch.supply.application.InvalidDriverInput;
import io.ridemesh.dispatch.supply.application.OutsideServiceArea;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place HTTP errors become RFC 9457 problem bodies ({@code application/problem+json}). Field errors carry
 * {@code errors: [{field, detail}]} with dotted JSON paths ({@code points[3].lat}) and a top-level {@code field}
 * naming the first. Types ({@code urn:ridemesh:problem:...}):
 *
 * <pre>
 * 400 invalid-field          bad or missing field, malformed JSON, too many points
 * 401 unauthorized           no or bad token          403 forbidden     role not allowed
 * 404 offer-not-found        unknown offer, or another driver's
 * 409 driver-not-online      a location from an offline (or expired) driver
 * 409 driver-busy            going offline during a trip
 * 409 offer-not-open         the offer was declined, expired, void or accepted
 * 409 offer-void             order-service says the ride was taken or cancelled
 * 422 outside-service-area   going online outside every unit
 * 503 order-service-unavailable   accept could not be confirmed; the offer is still pending, retry
 * </pre>
 *
 * Thread-safe (stateless).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    static final String PREFIX = "urn:ridemesh:problem:";

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError e : ex.getBindingResult().getFieldErrors()) {
            String detail = String.valueOf(e.getDefaultMessage());
            if (e.getRejectedValue() != null && !(e.getRejectedValue() instanceof java.util.Collection<?>)) {
                detail += ", but was " + e.getRejectedValue();
            }
            errors.add(Map.of("field", e.getField(), "detail", detail));
        }
        errors.sort(Comparator.comparing((Map<String, String> m) -> m.get("field")));
        return ResponseEntity.badRequest()
                .body(fieldProblem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field", errors));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
                field = path(j);
                break;
            }
        }
        ProblemDetail body = field == null
                ? problem(HttpStatus.BAD_REQUEST, "invalid-field", "Unreadable request body", "body is not valid JSON")
                : fieldProblem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-field",
                        "Invalid request field",
                        List.of(Map.of("field", field, "detail", "has the wrong type or is malformed")));
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badPathVariable(MethodArgumentTypeMismatchException e) {
        return field(
                HttpStatus.BAD_REQUEST,
                "invalid-field",
                "Invalid request field",
                e.getName(),
                "must be a "
                        + (e.getRequiredType() == null
                                ? "value"
                                : e.getRequiredType().getSimpleName()) + ", but was " + e.getValue());
    }

    @ExceptionHandler(InvalidDriverInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDriverInput e) {
        return field(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request field", e.field(), e.detail());
    }

    @ExceptionHandler(OutsideServiceArea.class)
    ResponseEntity<ProblemDetail> outside(OutsideServiceArea e) {
        return field(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "outside-service-area",
                "Outside the service area",
                e.field(),
                e.getMessage().substring(e.field().length() + 1));
    }

    @ExceptionHandler(DriverNotOnline.class)
    ResponseEntity<ProblemDetail> notOnline(DriverNotOnline e) {
        return simple(HttpStatus.CONFLICT, "driver-not-online", "Driver not online", e.getMessage());
    }

    @ExceptionHandler(DriverBusy.class)
    ResponseEntity<ProblemDetail> busy(DriverBusy e) {
        return simple(HttpStatus.CONFLICT, "driver-busy", "Driver busy", e.getMessage());
    }

    @ExceptionHandler(OfferNotFound.class)
    ResponseEntity<ProblemDetail> offerNotFound(OfferNotFound e) {
        return simple(HttpStatus.NOT_FOUND, "offer-not-found", "Offer not found", e.getMessage());
    }

    @ExceptionHandler(OfferNotOpen.class)
    ResponseEntity<ProblemDetail> offerNotOpen(OfferNotOpen e) {
        ResponseEntity<ProblemDetail> r =
                simple(HttpStatus.CONFLICT, "offer-not-open", "Offer no longer open", e.getMessage());
        r.getBody().setProperty("status", e.status().name());
        return r;
    }

    @ExceptionHandler(OfferVoid.class)
    ResponseEntity<ProblemDetail> offerVoid(OfferVoid e) {
        return simple(HttpStatus.CONFLICT, "offer-void", "Ride no longer available", e.getMessage());
    }

    @ExceptionHandler(OrderServiceUnavailable.class)
    ResponseEntity<ProblemDetail> orderServiceDown(OrderServiceUnavailable e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE, "order-service-unavailable", "Try again", e.getMessage()));
    }

    /** 401 with the RFC 6750 challenge: {@code Bearer}, plus {@code error="invalid_token"} if a token was sent. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        String challenge = "Bearer";
        if (e instanceof OAuth2AuthenticationException oauth) {
            String description =
                    String.valueOf(oauth.getError().getDescription()).replaceAll("[\\\\\"]", "'");
            challenge +=
                    " error=\"" + oauth.getError().getErrorCode() + "\", error_description=\"" + description + "\"";
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .body(problem(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "Authentication required",
                        "send a valid bearer token (JWT, HS256) with sub and role: " + e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return simple(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Role not allowed",
                "the caller's role may not use " + request.getMethod() + " " + request.getRequestURI());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return simple(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "unexpected " + e.getClass().getSimpleName() + "; see the service log");
    }

    private static ResponseEntity<ProblemDetail> simple(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).body(problem(status, type, title, detail));
    }

    private static ResponseEntity<ProblemDetail> field(
            HttpStatus status, String type, String title, String field, String detail) {
        return ResponseEntity.status(status)
                .body(fieldProblem(status, type, title, List.of(Map.of("field", field, "detail", detail))));
    }

    private static ProblemDetail fieldProblem(
            HttpStatus status, String type, String title, List<Map<String, String>> errors) {
        Map<String, String> first = errors.get(0);
        ProblemDetail p = problem(status, type, title, first.get("field") + " " + first.get("detail"));
        p.setProperty("field", first.get("field"));
        p.setProperty("errors", errors);
        return p;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(PREFIX + type));
        p.setTitle(title);
        return p;
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
