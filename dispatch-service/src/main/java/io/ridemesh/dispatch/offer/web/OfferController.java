package io.ridemesh.dispatch.offer.web;

import io.ridemesh.dispatch.offer.application.AcceptOffer;
import io.ridemesh.dispatch.offer.application.DeclineOffer;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.web.Callers;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The driver app's offer API; the driver is the JWT's {@code sub} (role {@code driver}). A driver sees and answers
 * only its own offers (another driver's offer is 404). Thread-safe.
 */
@RestController
class OfferController {

    private final Offers offers;
    private final AcceptOffer acceptOffer;
    private final DeclineOffer declineOffer;

    OfferController(Offers offers, AcceptOffer acceptOffer, DeclineOffer declineOffer) {
        this.offers = offers;
        this.acceptOffer = acceptOffer;
        this.declineOffer = declineOffer;
    }

    /** The open offer: 200 with it, or 204 when there is none (the app polls this). */
    @GetMapping(path = "/v1/drivers/me/offer", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferView> current(@AuthenticationPrincipal Jwt jwt) {
        return offers.heldBy(Callers.driver(jwt))
                .map(o -> ResponseEntity.ok(OfferView.of(o)))
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
