package io.ridemesh.dispatch.offer.web;

import io.ridemesh.dispatch.offer.application.AcceptOffer;
import io.ridemesh.dispatch.offer.application.DeclineOffer;
import io.ridemesh.dispatch.offer.application.OfferWaiters;
import io.ridemesh.dispatch.offer.domain.Offer;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.supply.application.DriverNotOnline;
import io.ridemesh.dispatch.supply.application.InvalidDriverInput;
import io.ridemesh.dispatch.supply.application.RecordLocations;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.web.Callers;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * The driver app's offer API; the driver is the JWT's {@code sub} (role {@code driver}). A driver sees and answers
 * only its own offers (another driver's offer is 404). Thread-safe.
 */
@RestController
class OfferController {

    /** Longest long poll: below the gateway's and typical mobile networks' idle timeouts. */
    static final int MAX_WAIT_SECONDS = 55;

    private final RecordLocations locations;
    private final Offers offers;
    private final OfferWaiters waiters;
    private final AcceptOffer acceptOffer;
    private final DeclineOffer declineOffer;

    OfferController(
            Offers offers,
            OfferWaiters waiters,
            AcceptOffer acceptOffer,
            DeclineOffer declineOffer,
            RecordLocations locations) {
        this.locations = locations;
        this.offers = offers;
        this.waiters = waiters;
        this.acceptOffer = acceptOffer;
        this.declineOffer = declineOffer;
    }

    /** The open offer: 200 with it, or 204 when there is none. */
    @GetMapping(path = "/v1/drivers/me/offer", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferView> current(@AuthenticationPrincipal Jwt jwt) {
        return current(Callers.driver(jwt));
    }

    /**
     * The same as a long poll: without an open offer the answer is held until an offer is placed for the driver (200)
     * or {@code waitSeconds} (0..{@value #MAX_WAIT_SECONDS}) have passed (204), so an idle driver app needs one
     * request per wait instead of one per second. Out of range is 400 naming {@code waitSeconds}. The poll is also the
     * driver's heartbeat ({@link RecordLocations#heartbeat}), when it arrives and again when it ends without an offer:
     * a driver waiting for offers is online and stays matchable at its last fix without a separate keep-alive call;
     * a driver who is not online gets 409 {@code driver-not-online} at once.
     */
    @GetMapping(path = "/v1/drivers/me/offer", params = "waitSeconds", produces = MediaType.APPLICATION_JSON_VALUE)
    DeferredResult<ResponseEntity<OfferView>> awaitOffer(
            @AuthenticationPrincipal Jwt jwt, @RequestParam int waitSeconds) {
        if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
            throw new InvalidDriverInput(
                    "waitSeconds", "must be in 0.." + MAX_WAIT_SECONDS + ", but was " + waitSeconds);
        }
        DriverId driver = Callers.driver(jwt);
        if (!locations.heartbeat(driver)) {
            // nobody to wait for: the app must go online (again, e.g. in the region that now homes its unit)
            throw new DriverNotOnline(driver);
        }
        // a poll that waited its whole time is a sign of life again: the app was there all along, and its next poll
        // may come late (an overloaded gateway, a retry's back-off) without the driver going stale meanwhile
        DeferredResult<ResponseEntity<OfferView>> answer =
                new DeferredResult<>(Math.max(1, waitSeconds) * 1000L, () -> {
                    locations.heartbeat(driver);
                    return current(driver);
                });
        Optional<Offer> now = offers.heldBy(driver);
        if (now.isPresent() || waitSeconds == 0) {
            answer.setResult(view(now));
            return answer;
        }
        answer.onCompletion(waiters.await(driver, () -> answer.setResult(current(driver))));
        // an offer placed between the read above and the registration must not wait out the whole poll
        offers.heldBy(driver).ifPresent(o -> answer.setResult(view(Optional.of(o))));
        return answer;
    }

    private ResponseEntity<OfferView> current(DriverId driver) {
        return view(offers.heldBy(driver));
    }

    private static ResponseEntity<OfferView> view(Optional<Offer> offer) {
        return offer.map(o -> ResponseEntity.ok(OfferView.of(o)))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping(path = "/v1/offers/{offerId}/accept", produces = MediaType.APPLICATION_JSON_VALUE)
    OfferView accept(@PathVariable long offerId, @AuthenticationPrincipal Jwt jwt) {
        return OfferView.of(acceptOffer.accept(offerId, Callers.driver(jwt)));
    }

    @PostMapping(path = "/v1/offers/{offerId}/decline", produces = MediaType.APPLICATION_JSON_VALUE)
    OfferView decline(@PathVariable long offerId, @AuthenticationPrincipal Jwt jwt) {
        return OfferView.of(declineOffer.decline(offerId, Callers.driver(jwt)));
    }
}
