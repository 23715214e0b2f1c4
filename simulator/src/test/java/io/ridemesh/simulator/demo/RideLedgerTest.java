package io.ridemesh.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RideLedgerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Long> counts(Map<String, AtomicLong> details) {
        return details.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    @Test
    void refusalsKeepWhatTheySaidPerCallAndStatusAndOtherFailuresOnlyTheirStatus() throws Exception {
        RideLedger ledger = new RideLedger();
        Mobile.Response unauthorized = new Mobile.Response(
                401, JSON.readTree("{\"title\":\"Authentication required\",\"detail\":\"the token expired\"}"));

        ledger.requestFailed(401, Mobile.detailOf(unauthorized));
        ledger.requestFailed(401, Mobile.detailOf(unauthorized));
        ledger.quoteFailed(401, "the app could not sign in");
        ledger.requestFailed(503, Mobile.detailOf(new Mobile.Response(503, null)));
        ledger.requestFailed(-1, Mobile.detailOf(new Mobile.Response(-1, null)));

        assertThat(ledger.failuresByStatus().get(401).get()).isEqualTo(3);
        assertThat(ledger.failureDetails()).containsOnlyKeys("POST /v1/rides 401", "POST /v1/quotes 401");
        assertThat(counts(ledger.failureDetails().get("POST /v1/rides 401")))
                .isEqualTo(Map.of("the token expired", 2L));
        assertThat(ledger.requestFailures()).isEqualTo(4);
        assertThat(ledger.quoteFailures()).isEqualTo(1);
    }

    @Test
    void keepsAFewDistinctDetailsAndCountsTheRestTogether() {
        RideLedger ledger = new RideLedger();
        for (int i = 0; i < RideLedger.MAX_DETAILS + 3; i++) {
            ledger.requestFailed(409, "ride " + i + " is taken");
        }
        ledger.requestFailed(409, "ride 0 is taken");

        Map<String, Long> details = counts(ledger.failureDetails().get("POST /v1/rides 409"));
        assertThat(details).hasSize(RideLedger.MAX_DETAILS + 1).containsEntry("(other details)", 3L);
        assertThat(details).containsEntry("ride 0 is taken", 2L);
    }
}
