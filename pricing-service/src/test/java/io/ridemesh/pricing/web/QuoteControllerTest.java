package io.ridemesh.pricing.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.pricing.PricingProperties;
import io.ridemesh.pricing.application.InMemoryQuotes;
import io.ridemesh.pricing.application.IssueQuote;
import io.ridemesh.pricing.application.QuoteFixtures;
import io.ridemesh.testsupport.MutableClock;
import io.ridemesh.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(
        controllers = QuoteController.class,
        properties = {"pricing.quote-signing-key=dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdC0="})
@Import({QuoteControllerTest.InMemoryPricing.class, SecurityConfiguration.class})
// the web slice leaves Spring Security out; the routes' token checks are part of what this test checks
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class})
class QuoteControllerTest {

    /** A rider's platform token. */
    static final String RIDER = TestTokens.bearer(TestTokens.of("rider", "rider-1"));

    static final String VALID = """
            {"pickup":{"lat":40.7527,"lon":-73.9772},"dropoff":{"lat":40.7061,"lon":-74.0087},
             "product":"SOLO","seats":1}""";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    InMemoryQuotes quotes;

    @BeforeEach
    void empty() {
        quotes.clear();
    }

    @Test
    void issuesAQuoteWith201AndItsToken() {
        MvcTestResult result = post(VALID);

        assertThat(result).hasStatus(HttpStatus.CREATED);
        assertThat(result).headers().hasHeaderSatisfying("Location", v -> assertThat(v.get(0))
                .startsWith("/v1/quotes/q_test"));
        assertThat(result).bodyJson().extractingPath("$.token").asString().contains(".");
        assertThat(result).bodyJson().extractingPath("$.currency").isEqualTo("USD");
        assertThat(result).bodyJson().extractingPath("$.surgeMultiplier").isEqualTo(1.0);
        assertThat(result).bodyJson().extractingPath("$.expiresAt").isEqualTo("2026-03-02T18:02:00Z");
        assertThat(result).bodyJson().extractingPath("$.fareCents").asNumber().isNotNull();
        assertThat(result)
                .bodyJson()
                .extractingPath("$.distanceMetres")
                .asNumber()
                .isNotNull();
        assertThat(result)
                .bodyJson()
                .extractingPath("$.durationSeconds")
                .asNumber()
                .isNotNull();
        assertThat(quotes.count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing pickup      | {"dropoff":{"lat":40.7,"lon":-74.0},"product":"SOLO","seats":1}                            | 400 | pickup     | is required
            missing lat         | {"pickup":{"lon":-73.9},"dropoff":{"lat":40.7,"lon":-74.0},"product":"SOLO","seats":1}     | 400 | pickup.lat | is required
            lat out of range    | {"pickup":{"lat":91,"lon":-73.9},"dropoff":{"lat":40.7,"lon":-74.0},"product":"SOLO","seats":1} | 400 | pickup.lat | must be <= 90, but was 91.0
            lon out of range    | {"pickup":{"lat":40.7,"lon":-73.9},"dropoff":{"lat":40.7,"lon":-181},"product":"SOLO","seats":1} | 400 | dropoff.lon | must be >= -180, but was -181.0
            lat not a number    | {"pickup":{"lat":"north","lon":-73.9},"dropoff":{"lat":40.7,"lon":-74.0},"product":"SOLO","seats":1} | 400 | pickup.lat | must be a number, but was 'north'
            unknown product     | {"pickup":{"lat":40.75,"lon":-73.97},"dropoff":{"lat":40.7,"lon":-74.0},"product":"LUX","seats":1} | 400 | product | must be one of [SOLO, POOL], but was 'LUX'
            missing product     | {"pickup":{"lat":40.75,"lon":-73.97},"dropoff":{"lat":40.7,"lon":-74.0},"seats":1}          | 400 | product    | is required
            zero seats          | {"pickup":{"lat":40.75,"lon":-73.97},"dropoff":{"lat":40.7,"lon":-74.0},"product":"SOLO","seats":0} | 400 | seats | must be >= 1, but was 0
            too many solo seats | {"pickup":{"lat":40.75,"lon":-73.97},"dropoff":{"lat":40.7,"lon":-74.0},"product":"SOLO","seats":5} | 400 | seats | must be <= 4 for SOLO, but was 5
            too many pool seats | {"pickup":{"lat":40.75,"lon":-73.97},"dropoff":{"lat":40.7,"lon":-74.0},"product":"POOL","seats":3} | 400 | seats | must be <= 2 for POOL, but was 3
            pickup in London    | {"pickup":{"lat":51.5,"lon":-0.12},"dropoff":{"lat":40.7,"lon":-74.0},"product":"SOLO","seats":1} | 422 | pickup | is outside every served unit, but was GeoPoint[lat=51.5, lon=-0.12]
            dropoff in Chicago  | {"pickup":{"lat":40.75,"lon":-73.97},"dropoff":{"lat":41.88,"lon":-87.63},"product":"SOLO","seats":1} | 422 | dropoff | must be inside the service area of unit nyc, but was GeoPoint[lat=41.88, lon=-87.63]
            """)
    void rejectsBadInputWithAProblemNamingTheFieldAndStoresNothing(
            String name, String body, int status, String field, String detail) {
        MvcTestResult result = post(body);

        assertThat(result).hasStatus(status);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo(field);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
        assertThat(result).bodyJson().extractingPath("$.errors[0].detail").isEqualTo(detail);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo(field + " " + detail);
        assertThat(quotes.count()).isZero();
    }

    @Test
    void namesEveryMissingFieldOfAnEmptyBody() {
        MvcTestResult result = post("{}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("dropoff", "pickup", "product", "seats");
        assertThat(quotes.count()).isZero();
    }

    @Test
    void rejectsMalformedJson() {
        MvcTestResult result = post("{\"pickup\":");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(ProblemType.INVALID_FIELD.uri().toString());
        assertThat(quotes.count()).isZero();
    }

    @Test
    void readsBackAnIssuedQuoteWithoutItsToken() {
        MvcTestResult created = post(VALID);
        String location = created.getResponse().getHeader("Location");

        MvcTestResult result =
                mvc.get().uri(location).header("Authorization", RIDER).exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.quoteId").asString().startsWith("q_test");
        assertThat(result).bodyJson().doesNotHavePath("$.token");
    }

    @Test
    void aQuoteIsIssuedToTheCallingRiderAndOnlyThatRiderOrAnOperatorReadsIt() throws Exception {
        MvcTestResult created = post(VALID);
        String location = created.getResponse().getHeader("Location");
        String token = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.token");
        String otherRider = TestTokens.bearer(TestTokens.of("rider", "rider-2"));
        String operator = TestTokens.bearer(TestTokens.of("operator", "ops-1"));

        assertThat(new io.ridemesh.common.quote.QuoteSigner(QuoteFixtures.KEY)
                        .verify(token, QuoteFixtures.mondayAfternoon().instant())
                        .riderId())
                .isEqualTo("rider-1");
        MvcTestResult foreign =
                mvc.get().uri(location).header("Authorization", otherRider).exchange();
        assertThat(foreign).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(foreign).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri(location).header("Authorization", operator).exchange())
                .hasStatusOk();
    }

    @Test
    void answers404ProblemForAnUnknownQuote() {
        MvcTestResult result = mvc.get()
                .uri("/v1/quotes/q_nope")
                .header("Authorization", RIDER)
                .exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.type")
                .isEqualTo(ProblemHandler.QUOTE_NOT_FOUND.uri().toString());
    }

    @Test
    void refusesABodyOverTheLimitWith413AndStoresNothing() {
        String padded = VALID.substring(0, VALID.length() - 1) + ", \"note\": \"" + "x".repeat(17 * 1024) + "\"}";

        MvcTestResult result = post(padded);

        assertThat(result).hasStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(result).bodyJson().extractingPath("$.field").isEqualTo("body");
        assertThat(quotes.count()).isZero();
    }

    @Test
    void quotesNeedARidersValidTokenAndNothingIsStoredOtherwise() {
        String driver = TestTokens.bearer(TestTokens.of("driver", "driver-1"));
        String expired = TestTokens.bearer(TestTokens.of("rider", "rider-1", java.time.Duration.ofMinutes(-5)));
        String otherKey = TestTokens.bearer(TestTokens.withUntrustedKey("rider", "rider-1"));
        String unsigned = "Bearer "
                + new com.nimbusds.jwt.PlainJWT(new com.nimbusds.jwt.JWTClaimsSet.Builder()
                                .subject("rider-1")
                                .claim("role", "rider")
                                .expirationTime(java.util.Date.from(
                                        java.time.Instant.now().plusSeconds(600)))
                                .build())
                        .serialize();

        assertThat(post(VALID, null)).hasStatus(HttpStatus.UNAUTHORIZED);
        for (String token : new String[] {expired, otherKey, unsigned}) {
            MvcTestResult refused = post(VALID, token);
            assertThat(refused).hasStatus(HttpStatus.UNAUTHORIZED);
            assertThat(refused).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(post(VALID, driver)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/v1/quotes/q_nope").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(quotes.count()).isZero();
    }

    private MvcTestResult post(String json) {
        return post(json, RIDER);
    }

    private MvcTestResult post(String json, @org.jspecify.annotations.Nullable String authorization) {
        var request = mvc.post()
                .uri("/v1/quotes")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.exchange();
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PricingProperties.class)
    static class InMemoryPricing {
        @Bean
        InMemoryQuotes inMemoryQuotes() {
            return new InMemoryQuotes();
        }

        @Bean
        IssueQuote issueQuote(InMemoryQuotes quotes) {
            MutableClock clock = QuoteFixtures.mondayAfternoon();
            return QuoteFixtures.issueQuote(quotes, clock, QuoteFixtures.plentifulSupply());
        }
    }
}
