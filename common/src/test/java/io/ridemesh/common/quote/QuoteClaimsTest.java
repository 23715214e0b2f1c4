package io.ridemesh.common.quote;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteClaimsTest {

    @Test
    void rejectsUnknownProduct() {
        assertThatThrownBy(() -> claims("LUX", 1, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("product must be SOLO or POOL, but was 'LUX'");
    }

    @Test
    void rejectsZeroSeats() {
        assertThatThrownBy(() -> claims("SOLO", 0, 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seats must be >= 1, but was 0");
    }

    @Test
    void rejectsSurgeBelowOne() {
        assertThatThrownBy(() -> claims("SOLO", 1, 999))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("surgeMilli must be >= 1000, but was 999");
    }

    @Test
    void rejectsQuoteIdThatCouldBreakTheSerialization() {
        assertThatThrownBy(() ->
                        new QuoteClaims("a|b", "SOLO", 1, 0, 0, 0, 0, 100, "USD", 1000, 1, 1, Instant.EPOCH, "rider-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("quoteId must be");
    }

    @Test
    void rejectsARiderIdNoTokenSubjectCouldBe() {
        assertThatThrownBy(() ->
                        new QuoteClaims("q1", "SOLO", 1, 0, 0, 0, 0, 100, "USD", 1000, 1, 1, Instant.EPOCH, "a b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("riderId must be 1-64 characters");
        assertThatThrownBy(
                        () -> new QuoteClaims("q1", "SOLO", 1, 0, 0, 0, 0, 100, "USD", 1000, 1, 1, Instant.EPOCH, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("riderId must be 1-64 characters");
    }

    private static QuoteClaims claims(String product, int seats, long surgeMilli) {
        return new QuoteClaims(
                "q1", product, seats, 0, 0, 0, 0, 100, "USD", surgeMilli, 1, 1, Instant.EPOCH, "rider-1");
    }
}
