package io.ridemesh.kit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import io.ridemesh.testsupport.TestTokens;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

class GatewayUnitHomesTest {

    /** The caller's own exception, as order's and dispatch's ports have. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private final RestClient.Builder builder = RestClient.builder().baseUrl("http://gateway.test");
    private final MockRestServiceServer gateway =
            MockRestServiceServer.bindTo(builder).build();
    private final GatewayUnitHomes homes = new GatewayUnitHomes(
            new ServiceClient(
                    "the gateway",
                    builder.build(),
                    () -> TestTokens.of("service", "order-service"),
                    JsonMapper.builder().build()),
            Unavailable::new);

    @Test
    void readsEveryUnitsHomeWithAServiceToken() {
        gateway.expect(requestTo("http://gateway.test/ops/units"))
                .andExpect(header("Authorization", org.hamcrest.Matchers.startsWith("Bearer ey")))
                .andRespond(withSuccess("""
                        {"units": [{"unitId": 1, "code": "nyc", "homeRegionId": 2, "homeRegion": "b"},
                                   {"unitId": 2, "code": "chi", "homeRegionId": 2, "homeRegion": "b"}]}""", MediaType.APPLICATION_JSON));

        assertThat(homes.homes()).isEqualTo(Map.of(1, 2, 2, 2));
        gateway.verify();
    }

    @Test
    void aFailedCallIsTheCallersExceptionNamingTheStatus() {
        gateway.expect(requestTo("http://gateway.test/ops/units"))
                .andRespond(withStatus(HttpStatus.FORBIDDEN)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("{\"type\":\"urn:ridemesh:problem:forbidden\"}"));

        assertThatThrownBy(homes::homes)
                .isInstanceOf(Unavailable.class)
                .hasMessageContaining("the gateway")
                .hasMessageContaining("HTTP 403")
                .hasCauseInstanceOf(ServiceCallFailed.class);
    }

    @Test
    void anAnswerWithoutUsableUnitsIsTheCallersException() {
        gateway.expect(requestTo("http://gateway.test/ops/units"))
                .andRespond(withSuccess("{\"units\": [{\"unitId\": \"one\"}]}", MediaType.APPLICATION_JSON));

        assertThatThrownBy(homes::homes).isInstanceOf(Unavailable.class).hasMessageContaining("integer unitId");
    }
}
