package io.ridemesh.pricing.web;

import io.ridemesh.pricing.domain.InvalidQuoteRequest;
import io.ridemesh.pricing.domain.OutsideServiceArea;
import io.ridemesh.pricing.domain.QuoteRequestRejected;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The one place HTTP errors become RFC 9457 problem bodies ({@code application/problem+json}). Field errors carry
 * {@code errors: [{field, detail}]} with dotted field paths as in the request ({@code pickup.lat}) and a top-level
 * {@code field} naming the first. Types: {@value #INVALID_FIELD} (400), {@value #OUTSIDE_SERVICE_AREA} (422),
 * {@value #QUOTE_NOT_FOUND} (404). Thread-safe (stateless).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    static final String INVALID_FIELD = "urn:ridemesh:problem:invalid-field";
    static final String OUTSIDE_SERVICE_AREA = "urn:ridemesh:problem:outside-service-area";
    static final String QUOTE_NOT_FOUND = "urn:ridemesh:problem:quote-not-found";

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError e : ex.getBindingResult().getFieldErrors()) {
            String detail = String.valueOf(e.getDefaultMessage());
            if (e.getRejectedValue() != null) {
                detail += ", but was " + e.getRejectedValue();
            }
            errors.add(Map.of("field", e.getField(), "detail", detail));
        }
        errors.sort((a, b) -> a.get("field").compareTo(b.get("field")));
        ProblemDetail body = fieldProblem(HttpStatus.BAD_REQUEST, INVALID_FIELD, "Invalid request field", errors);
        return ResponseEntity.badRequest().body(body);
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
                ? problem(HttpStatus.BAD_REQUEST, INVALID_FIELD, "Unreadable request body", "body is not valid JSON")
                : fieldProblem(
                        HttpStatus.BAD_REQUEST,
                        INVALID_FIELD,
                        "Invalid request field",
                        List.of(Map.of("field", field, "detail", "has the wrong type")));
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(InvalidQuoteRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidQuoteRequest e) {
        return rejected(HttpStatus.BAD_REQUEST, INVALID_FIELD, "Invalid request field", e);
    }

    @ExceptionHandler(OutsideServiceArea.class)
    ResponseEntity<ProblemDetail> outside(OutsideServiceArea e) {
        return rejected(HttpStatus.UNPROCESSABLE_CONTENT, OUTSIDE_SERVICE_AREA, "Outside the service area", e);
    }

    @ExceptionHandler(QuoteController.QuoteNotFound.class)
    ResponseEntity<ProblemDetail> notFound(QuoteController.QuoteNotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, QUOTE_NOT_FOUND, "Quote not found", e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> rejected(
            HttpStatus status, String type, String title, QuoteRequestRejected e) {
        return ResponseEntity.status(status)
                .body(fieldProblem(status, type, title, List.of(Map.of("field", e.field(), "detail", e.detail()))));
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
        p.setType(URI.create(type));
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
