package io.ridemesh.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Point(double lat, double lon) {}

    record Body(Point pickup, List<Point> stops, int seats) {}

    @Test
    void everyTypeIsAUrnOfTheOneScheme() {
        assertThat(ProblemType.INVALID_FIELD.uri()).hasToString("urn:ridemesh:problem:invalid-field");
        assertThat(ProblemType.of("ride-not-found", HttpStatus.NOT_FOUND, "Ride not found")
                        .uri())
                .hasToString("urn:ridemesh:problem:ride-not-found");
        assertThatThrownBy(() -> ProblemType.of("Ride Not Found", HttpStatus.NOT_FOUND, "x"))
                .hasMessageContaining("slug must match");
        assertThatThrownBy(() -> ProblemType.of("ok", HttpStatus.OK, "x")).hasMessageContaining("4xx or 5xx");
    }

    @Test
    void aFieldProblemNamesTheFieldInDetailFieldAndErrors() {
        ProblemDetail p = Problems.field(ProblemType.INVALID_FIELD, "pickup.lat", "must be <= 90, but was 91.0")
                .instance("/v1/quotes")
                .build();

        Map<String, Object> body = Problems.asMap(p);
        assertThat(body)
                .containsEntry("type", "urn:ridemesh:problem:invalid-field")
                .containsEntry("title", "Invalid request field")
                .containsEntry("status", 400)
                .containsEntry("detail", "pickup.lat must be <= 90, but was 91.0")
                .containsEntry("instance", "/v1/quotes")
                .containsEntry("field", "pickup.lat")
                .containsEntry(
                        "errors", List.of(Map.of("field", "pickup.lat", "detail", "must be <= 90, but was 91.0")));
    }

    @Test
    void manyFieldsKeepTheirOrderAndTheDetailCountsTheRest() {
        ProblemDetail p = Problems.fields(
                        ProblemType.INVALID_FIELD,
                        List.of(new FieldError("seats", "must be >= 1"), new FieldError("pickup", "is required")))
                .build();
        assertThat(p.getDetail()).isEqualTo("seats must be >= 1 (and 1 more)");
        assertThat(p.getProperties()).containsEntry("field", "seats");
        assertThatThrownBy(() -> Problems.fields(ProblemType.INVALID_FIELD, List.of()))
                .hasMessageContaining("must not be empty");
    }

    @Test
    void describesTheJsonFieldABodyFailedOn() {
        assertThat(describe("{\"pickup\":{\"lat\":\"north\",\"lon\":1},\"stops\":[],\"seats\":1}"))
                .isEqualTo(new FieldError("pickup.lat", "must be a number, but was 'north'"));
        assertThat(describe("{\"pickup\":{\"lat\":1,\"lon\":1},\"stops\":[{\"lat\":1,\"lon\":[]}],\"seats\":1}"))
                .isEqualTo(new FieldError("stops[0].lon", "must be a number, but was an array"));
        assertThat(describe("{\"pickup\":{\"lat\":1,\"lon\":1},\"stops\":[],\"seats\":\"two\"}"))
                .isEqualTo(new FieldError("seats", "must be an integer, but was 'two'"));
        assertThat(describe("{\"pickup\":")).extracting(FieldError::field).isEqualTo("body");
        assertThat(JsonInputErrors.describe(new IllegalStateException("Required request body is missing: x")))
                .isEqualTo(new FieldError("body", "is required"));
    }

    @Test
    void findsACauseOfAType() {
        IllegalStateException root = new IllegalStateException("root");
        RuntimeException wrapped = new RuntimeException(new IllegalArgumentException(root));
        assertThat(JsonInputErrors.causeOfType(wrapped, IllegalStateException.class))
                .isSameAs(root);
        assertThat(JsonInputErrors.causeOfType(wrapped, ArithmeticException.class))
                .isNull();
    }

    private static FieldError describe(String json) {
        try {
            JSON.readValue(json, Body.class);
        } catch (RuntimeException e) {
            return JsonInputErrors.describe(e);
        }
        throw new AssertionError("no error for " + json);
    }
}
