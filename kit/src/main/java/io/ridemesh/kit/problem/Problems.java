package io.ridemesh.kit.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem bodies the one way every service answers: {@code type} ({@link ProblemType#uri()}),
 * {@code title}, {@code status}, {@code detail}, {@code instance} (the request path), and for rejected input
 * {@code field} (the first rejected field) and {@code errors: [{field, detail}]}. Stateless; thread-safe.
 */
public final class Problems {

    private Problems() {}

    /** A problem of {@code type} whose {@code detail} is {@code detail} (the title when null). */
    public static Builder of(ProblemType type, @Nullable String detail) {
        return new Builder(type, detail == null ? type.title() : detail);
    }

    /** A problem rejecting one field: {@code detail} is {@code "<field> <detail>"}. */
    public static Builder field(ProblemType type, String field, String detail) {
        return fields(type, List.of(new FieldError(field, detail)));
    }

    /**
     * A problem rejecting fields, in the order given; the problem's {@code detail} and {@code field} describe the
     * first, and the detail counts the others.
     *
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public static Builder fields(ProblemType type, List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors must not be empty");
        }
        FieldError first = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return new Builder(type, first.field() + " " + first.detail() + more).errors(errors);
    }

    /**
     * The members of {@code problem} as one flat JSON object (type, title, status, detail, instance, then the
     * extension members), for writers that serialise maps.
     */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        if (problem.getTitle() != null) {
            body.put("title", problem.getTitle());
        }
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        Map<String, @Nullable Object> properties = problem.getProperties();
        if (properties != null) {
            properties.forEach((k, v) -> body.put(k, v));
        }
        return body;
    }

    /** A problem being built. Not thread-safe; build it where it is used. */
    public static final class Builder {

        private final ProblemDetail problem;

        private Builder(ProblemType type, String detail) {
            problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }

        /** The request path the problem occurred on. */
        public Builder instance(String path) {
            problem.setInstance(URI.create(Objects.requireNonNull(path, "path")));
            return this;
        }

        /** {@code field} (the first error's) and {@code errors: [{field, detail}]}. */
        public Builder errors(List<FieldError> errors) {
            List<Map<String, String>> list = new ArrayList<>(errors.size());
            for (FieldError e : errors) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("field", e.field());
                m.put("detail", e.detail());
                list.add(m);
            }
            if (!errors.isEmpty()) {
                problem.setProperty("field", errors.get(0).field());
            }
            problem.setProperty("errors", List.copyOf(list));
            return this;
        }

        /** An extension member, e.g. {@code rideId}; values must serialise as JSON. */
        public Builder property(String name, @Nullable Object value) {
            problem.setProperty(name, value);
            return this;
        }

        public ProblemDetail build() {
            return problem;
        }
    }
}
