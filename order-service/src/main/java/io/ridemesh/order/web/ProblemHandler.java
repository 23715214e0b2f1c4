package io.ridemesh.order.web;

import io.ridemesh.common.quote.QuoteExpired;
import io.ridemesh.common.quote.QuoteTampered;
import io.ridemesh.kit.problem.FieldError;
import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.Problems;
import io.ridemesh.kit.problem.servlet.ServletProblemHandler;
import io.ridemesh.order.ride.application.IdempotencyKeyReused;
import io.ridemesh.order.ride.application.InvalidRideRequest;
import io.ridemesh.order.ride.application.QuoteAlreadyUsed;
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
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * order-service's own problem answers (RFC 9457, the kit's shape and {@code urn:ridemesh:problem:} types); the shared
 * ones (400 {@code invalid-field} for bad or unreadable input, 500, Spring MVC's own) come from {@link
 * ServletProblemHandler}, 401/403/firewall 400 from the kit's {@code SecurityProblemHandler}. Also reached by the body
 * limit filter (413) through the {@code HandlerExceptionResolver}.
 *
 * <p>Status codes: 404 no such ride for the caller; 409 the ride's status forbids the command or a concurrent write
 * won (the body carries the current state), or the quote was already used for a ride; 413 body too large; 422
 * well-formed but unacceptable (quote tampered, expired, not matching or issued to another rider, pickup outside every
 * unit, idempotency key reused).
 */
@RestControllerAdvice
public class ProblemHandler extends ServletProblemHandler {

    static final ProblemType INVALID_QUOTE =
            ProblemType.of("invalid-quote", HttpStatus.UNPROCESSABLE_CONTENT, "Quote not genuine");
    static final ProblemType QUOTE_EXPIRED =
            ProblemType.of("quote-expired", HttpStatus.UNPROCESSABLE_CONTENT, "Quote expired");
    static final ProblemType QUOTE_MISMATCH =
            ProblemType.of("quote-mismatch", HttpStatus.UNPROCESSABLE_CONTENT, "Request does not match the quote");
    static final ProblemType IDEMPOTENCY_KEY_REUSED =
            ProblemType.of("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused");
    static final ProblemType QUOTE_USED = ProblemType.of("quote-used", HttpStatus.CONFLICT, "Quote already used");
    static final ProblemType RIDE_NOT_FOUND = ProblemType.of("ride-not-found", HttpStatus.NOT_FOUND, "Ride not found");
    static final ProblemType ILLEGAL_RIDE_TRANSITION =
            ProblemType.of("illegal-ride-transition", HttpStatus.CONFLICT, "Not allowed in this status");
    static final ProblemType RIDER_NO_SHOW_TOO_EARLY =
            ProblemType.of("rider-no-show-too-early", HttpStatus.CONFLICT, "Too early for a no-show");
    static final ProblemType STALE_WRITE = ProblemType.of("stale-write", HttpStatus.CONFLICT, "Concurrent update");

    @ExceptionHandler(InvalidRideRequest.class)
    ResponseEntity<ProblemDetail> invalidRideRequest(InvalidRideRequest e, HttpServletRequest request) {
        return answerField(ProblemType.INVALID_FIELD, e.field(), String.valueOf(e.getMessage()), request);
    }

    @ExceptionHandler(QuoteTampered.class)
    ResponseEntity<ProblemDetail> quoteTampered(QuoteTampered e, HttpServletRequest request) {
        return answer(
                Problems.of(INVALID_QUOTE, "quoteToken is not a quote signed by pricing-service: " + e.getMessage())
                        .errors(List.of(
                                new FieldError("quoteToken", "must be a genuine quote token: " + e.getMessage()))),
                request);
    }

    @ExceptionHandler(QuoteExpired.class)
    ResponseEntity<ProblemDetail> quoteExpired(QuoteExpired e, HttpServletRequest request) {
        String message = "quote expired at " + e.expiresAt() + ", presented at " + e.now();
        return answer(
                Problems.of(QUOTE_EXPIRED, message)
                        .errors(List.of(
                                new FieldError("quoteToken", message + "; ask pricing-service for a new quote")))
                        .property("expiresAt", e.expiresAt().toString()),
                request);
    }

    @ExceptionHandler(QuoteMismatch.class)
    ResponseEntity<ProblemDetail> quoteMismatch(QuoteMismatch e, HttpServletRequest request) {
        return answerField(QUOTE_MISMATCH, e.field(), String.valueOf(e.getMessage()), request);
    }

    @ExceptionHandler(QuoteAlreadyUsed.class)
    ResponseEntity<ProblemDetail> quoteAlreadyUsed(QuoteAlreadyUsed e, HttpServletRequest request) {
        return answerField(QUOTE_USED, "quoteToken", String.valueOf(e.getMessage()), request);
    }

    @ExceptionHandler(OutsideServiceArea.class)
    ResponseEntity<ProblemDetail> outsideServiceArea(OutsideServiceArea e, HttpServletRequest request) {
        return answerField(ProblemType.OUTSIDE_SERVICE_AREA, "pickup", String.valueOf(e.getMessage()), request);
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReused e, HttpServletRequest request) {
        return answerField(IDEMPOTENCY_KEY_REUSED, "Idempotency-Key", String.valueOf(e.getMessage()), request);
    }

    @ExceptionHandler(RideNotFound.class)
    ResponseEntity<ProblemDetail> rideNotFound(RideNotFound e, HttpServletRequest request) {
        return answer(
                Problems.of(RIDE_NOT_FOUND, e.getMessage())
                        .property("rideId", e.rideId().toString()),
                request);
    }

    @ExceptionHandler(IllegalRideTransition.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalRideTransition e, HttpServletRequest request) {
        return answer(
                Problems.of(ILLEGAL_RIDE_TRANSITION, e.getMessage())
                        .property("rideId", e.rideId().toString())
                        .property("currentStatus", e.currentStatus().name())
                        .property("command", e.command().name()),
                request);
    }

    @ExceptionHandler(RiderNoShowTooEarly.class)
    ResponseEntity<ProblemDetail> noShowTooEarly(RiderNoShowTooEarly e, HttpServletRequest request) {
        return answer(
                Problems.of(RIDER_NO_SHOW_TOO_EARLY, e.getMessage())
                        .property("rideId", e.rideId().toString())
                        .property("allowedFrom", e.allowedFrom().toString()),
                request);
    }

    @ExceptionHandler(StaleWrite.class)
    ResponseEntity<ProblemDetail> staleWrite(StaleWrite e, HttpServletRequest request) {
        Problems.Builder problem = Problems.of(
                        STALE_WRITE, e.getMessage() + "; re-read the ride and retry if still applicable")
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
        return answer(problem, request);
    }
}
