package io.ridemesh.pricing.web;

import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.Problems;
import io.ridemesh.kit.problem.servlet.ServletProblemHandler;
import io.ridemesh.pricing.domain.InvalidQuoteRequest;
import io.ridemesh.pricing.domain.OutsideServiceArea;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * pricing-service's own problem answers (RFC 9457, the kit's shape and {@code urn:ridemesh:problem:} types): 400
 * {@code invalid-field} for a rejected quote request, 422 {@code outside-service-area}, 404 {@code quote-not-found}.
 * Bad or unreadable input and anything unexpected are answered by {@link ServletProblemHandler}. Thread-safe
 * (stateless).
 */
@RestControllerAdvice
class ProblemHandler extends ServletProblemHandler {

    static final ProblemType QUOTE_NOT_FOUND =
            ProblemType.of("quote-not-found", HttpStatus.NOT_FOUND, "Quote not found");

    @ExceptionHandler(InvalidQuoteRequest.class)
    ResponseEntity<ProblemDetail> invalid(InvalidQuoteRequest e, HttpServletRequest request) {
        return answerField(ProblemType.INVALID_FIELD, e.field(), e.detail(), request);
    }

    @ExceptionHandler(OutsideServiceArea.class)
    ResponseEntity<ProblemDetail> outside(OutsideServiceArea e, HttpServletRequest request) {
        return answerField(ProblemType.OUTSIDE_SERVICE_AREA, e.field(), e.detail(), request);
    }

    @ExceptionHandler(QuoteController.QuoteNotFound.class)
    ResponseEntity<ProblemDetail> notFound(QuoteController.QuoteNotFound e, HttpServletRequest request) {
        return answer(Problems.of(QUOTE_NOT_FOUND, e.getMessage()), request);
    }
}
