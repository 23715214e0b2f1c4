package io.ridemesh.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void collectsEveryRejectedFieldAndThrowsThemTogether() {
        FieldErrors errors = new FieldErrors();
        assertThat(errors.requirePresent("pickup", null)).isFalse();
        errors.reject("seats", "must be >= 1, but was 0");
        assertThat(errors.isEmpty()).isFalse();

        assertThatThrownBy(errors::throwIfAny)
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors())
                        .containsExactly(
                                new FieldError("pickup", "is required"),
                                new FieldError("seats", "must be >= 1, but was 0")))
                .hasMessage("pickup is required (and 1 more)");
    }

    @Test
    void nothingRejectedThrowsNothing() {
        FieldErrors errors = new FieldErrors();
        assertThat(errors.requirePresent("pickup", "x")).isTrue();
        assertThatCode(errors::throwIfAny).doesNotThrowAnyException();
    }
}
