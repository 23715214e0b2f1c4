package io.ridemesh.pricing.web;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.kit.security.PlatformTokens;
import io.ridemesh.kit.security.Role;
import io.ridemesh.pricing.application.IssueQuote;
import io.ridemesh.pricing.application.IssuedQuote;
import io.ridemesh.pricing.domain.InvalidQuoteRequest;
import io.ridemesh.pricing.domain.Product;
import io.ridemesh.pricing.domain.QuoteRequest;
import io.ridemesh.pricing.domain.Quotes;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Upfront quotes over HTTP. Errors become RFC 9457 problem bodies in {@link ProblemHandler}: 400 for a malformed or
 * invalid field, 422 for a point no unit serves, 404 for an unknown quote id; nothing is stored for a rejected
 * request. Thread-safe (stateless).
 */
@RestController
@RequestMapping("/v1/quotes")
class QuoteController {

    private final IssueQuote issueQuote;
    private final Quotes quotes;

    QuoteController(IssueQuote issueQuote, Quotes quotes) {
        this.issueQuote = issueQuote;
        this.quotes = quotes;
    }

    /**
     * Prices a ride for the calling rider (the token's subject) and answers 201 with the quote and its signed token,
     * which carries the rider: no one else can request a ride with it.
     */
    @PostMapping
    ResponseEntity<QuoteResponse> create(
            @Valid @RequestBody QuoteRequestBody body, @AuthenticationPrincipal Jwt caller) {
        IssuedQuote issued = issueQuote.issue(new QuoteRequest(
                point(Objects.requireNonNull(body.pickup())),
                point(Objects.requireNonNull(body.dropoff())),
                product(Objects.requireNonNull(body.product())),
                Objects.requireNonNull(body.seats()),
                caller.getSubject()));
        return ResponseEntity.created(URI.create("/v1/quotes/" + issued.quote().quoteId()))
                .body(QuoteResponse.issued(issued));
    }

    /**
     * A quote this region issued, without its token: to the rider it was issued to, or to an operator. Another rider's
     * quote is answered as unknown (404 problem), so its existence is not revealed either.
     */
    @GetMapping("/{quoteId}")
    QuoteResponse get(@PathVariable String quoteId, @AuthenticationPrincipal Jwt caller) {
        boolean operator = PlatformTokens.roleOf(caller) == Role.OPERATOR;
        return quotes.byId(quoteId)
                .filter(q -> operator || q.riderId().equals(caller.getSubject()))
                .map(QuoteResponse::stored)
                .orElseThrow(() -> new QuoteNotFound(quoteId));
    }

    private static GeoPoint point(QuoteRequestBody.Point p) {
        return new GeoPoint(Objects.requireNonNull(p.lat()), Objects.requireNonNull(p.lon()));
    }

    private static Product product(String value) {
        try {
            return Product.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQuoteRequest(
                    "product", "must be one of " + Arrays.toString(Product.values()) + ", but was '" + value + "'");
        }
    }

    /** No quote with this id in this region. */
    static final class QuoteNotFound extends RuntimeException {
        QuoteNotFound(String quoteId) {
            super("no quote " + quoteId + " in this region");
        }
    }
}
