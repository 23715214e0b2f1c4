package io.ridemesh.kit.problem;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * A problem type (RFC 9457 section 3.1.1): its URI {@code urn:ridemesh:problem:<slug>}, the HTTP status it is answered
 * with and its title. The types every service answers with are the constants here; a service declares its own
 * (e.g. {@code ride-not-found}) with {@link #of}. Immutable; thread-safe.
 *
 * @param slug lower-case words joined by {@code -}, e.g. {@code invalid-field}
 * @param status the HTTP status of every answer of this type
 * @param title a short human summary, the same for every occurrence (RFC 9457 section 3.1.3)
 */
public record ProblemType(String slug, HttpStatus status, String title) {

    /** The prefix of every ridemesh problem type URI. */
    public static final String URI_PREFIX = "urn:ridemesh:problem:";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** 400: a field of the request is missing, malformed or out of range; the body names it. */
    public static final ProblemType INVALID_FIELD =
            of("invalid-field", HttpStatus.BAD_REQUEST, "Invalid request field");
    /** 400: the request is malformed in a way no single field explains. */
    public static final ProblemType INVALID_REQUEST = of("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request");
    /** 400: the firewall refused the request line or a header (encoded {@code ..}, {@code %2F}, {@code ;}). */
    public static final ProblemType REQUEST_REJECTED =
            of("request-rejected", HttpStatus.BAD_REQUEST, "Request rejected");
    /** 401: no token, or a token that is not valid; answered with an RFC 6750 {@code WWW-Authenticate} challenge. */
    public static final ProblemType UNAUTHORIZED =
            of("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required");
    /** 403: the caller's role may not use this endpoint. */
    public static final ProblemType FORBIDDEN = of("forbidden", HttpStatus.FORBIDDEN, "Role not allowed");
    /** 413: the body is larger than the endpoint reads. */
    public static final ProblemType CONTENT_TOO_LARGE =
            of("content-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large");
    /** 422: a point (pickup, dropoff, a driver's location) lies in no unit's service area. */
    public static final ProblemType OUTSIDE_SERVICE_AREA =
            of("outside-service-area", HttpStatus.UNPROCESSABLE_CONTENT, "Outside the service area");
    /** 503: the service has as many requests in work as it takes; shed before any work, retry after a second. */
    public static final ProblemType OVERLOADED = of("overloaded", HttpStatus.SERVICE_UNAVAILABLE, "Service overloaded");
    /** 500: anything unexpected; logged by the service, no details in the answer. */
    public static final ProblemType INTERNAL_ERROR =
            of("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    public ProblemType {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("slug must match " + SLUG + ", but was '" + slug + "'");
        }
        if (!status.isError()) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, but was " + status.value());
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("title of " + slug + " must not be blank");
        }
    }

    /**
     * A type.
     *
     * @throws IllegalArgumentException if the slug is malformed, the status not an error or the title blank
     */
    public static ProblemType of(String slug, HttpStatus status, String title) {
        return new ProblemType(slug, status, title);
    }

    /** {@code urn:ridemesh:problem:<slug>}. */
    public URI uri() {
        return URI.create(URI_PREFIX + slug);
    }
}
