package io.ridemesh.dispatch.web;

import io.ridemesh.dispatch.offer.application.OfferNotFound;
import io.ridemesh.dispatch.offer.application.OfferNotOpen;
import io.ridemesh.dispatch.offer.application.OfferVoid;
import io.ridemesh.dispatch.offer.application.OrderServiceUnavailable;
import io.ridemesh.dispatch.supply.application.DriverBusy;
import io.ridemesh.dispatch.supply.application.DriverNotOnline;
import io.ridemesh.dispatch.supply.application.InvalidDriverInput;
import io.ridemesh.dispatch.supply.application.OutsideServiceArea;
import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.Problems;
import io.ridemesh.kit.problem.servlet.ServletProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * dispatch-service's own problem answers (RFC 9457, the kit's shape and {@code urn:ridemesh:problem:} types); bad or
 * unreadable input (400 {@code invalid-field}) and anything unexpected come from {@link ServletProblemHandler}, 401
 * and 403 from the kit's {@code SecurityProblemHandler}.
 *
 * <pre>
 * 400 invalid-field          bad or missing field, malformed JSON, too many points
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
class ProblemHandler extends ServletProblemHandler {

    static final ProblemType DRIVER_NOT_ONLINE =
            ProblemType.of("driver-not-online", HttpStatus.CONFLICT, "Driver not online");
    static final ProblemType DRIVER_BUSY = ProblemType.of("driver-busy", HttpStatus.CONFLICT, "Driver busy");
    static final ProblemType OFFER_NOT_FOUND =
            ProblemType.of("offer-not-found", HttpStatus.NOT_FOUND, "Offer not found");
    static final ProblemType OFFER_NOT_OPEN =
            ProblemType.of("offer-not-open", HttpStatus.CONFLICT, "Offer no longer open");
    static final ProblemType OFFER_VOID = ProblemType.of("offer-void", HttpStatus.CONFLICT, "Ride no longer available");
    static final ProblemType ORDER_SERVICE_UNAVAILABLE =
            ProblemType.of("order-service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Try again");

    @ExceptionHandler(InvalidDriverInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDriverInput e, HttpServletRequest request) {
        return answerField(ProblemType.INVALID_FIELD, e.field(), e.detail(), request);
    }

    @ExceptionHandler(OutsideServiceArea.class)
    ResponseEntity<ProblemDetail> outside(OutsideServiceArea e, HttpServletRequest request) {
        return answerField(
                ProblemType.OUTSIDE_SERVICE_AREA,
                e.field(),
                e.getMessage().substring(e.field().length() + 1),
                request);
    }

    @ExceptionHandler(DriverNotOnline.class)
    ResponseEntity<ProblemDetail> notOnline(DriverNotOnline e, HttpServletRequest request) {
        return answer(Problems.of(DRIVER_NOT_ONLINE, e.getMessage()), request);
    }

    @ExceptionHandler(DriverBusy.class)
    ResponseEntity<ProblemDetail> busy(DriverBusy e, HttpServletRequest request) {
        return answer(Problems.of(DRIVER_BUSY, e.getMessage()), request);
    }

    @ExceptionHandler(OfferNotFound.class)
    ResponseEntity<ProblemDetail> offerNotFound(OfferNotFound e, HttpServletRequest request) {
        return answer(Problems.of(OFFER_NOT_FOUND, e.getMessage()), request);
    }

    @ExceptionHandler(OfferNotOpen.class)
    ResponseEntity<ProblemDetail> offerNotOpen(OfferNotOpen e, HttpServletRequest request) {
        return answer(
                Problems.of(OFFER_NOT_OPEN, e.getMessage())
                        .property("status", e.status().name()),
                request);
    }

    @ExceptionHandler(OfferVoid.class)
    ResponseEntity<ProblemDetail> offerVoid(OfferVoid e, HttpServletRequest request) {
        return answer(Problems.of(OFFER_VOID, e.getMessage()), request);
    }

    @ExceptionHandler(OrderServiceUnavailable.class)
    ResponseEntity<ProblemDetail> orderServiceDown(OrderServiceUnavailable e, HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = answer(Problems.of(ORDER_SERVICE_UNAVAILABLE, e.getMessage()), request);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(answer.getBody());
    }
}
