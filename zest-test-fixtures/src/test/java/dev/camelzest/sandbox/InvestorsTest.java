package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** POST /v1/investors: per-row results, replays, every row error, the row limit, idempotency and events. */
class InvestorsTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private Journey journey;

    @BeforeEach
    void freshSandbox() {
        journey = new Journey(SANDBOX, Session.afterReset(SANDBOX));
    }

    @Test
    void newInvestorsAreCreatedAndKnownOnesComeBackWithTheirPersonId() {
        TestHttp.Response first = journey.createInvestors(List.of(Journey.investor("acme-1"), Journey.investor("acme-2")));
        assertEquals(200, first.status(), first.body());
        JsonNode results = first.json().get("results");
        assertEquals("acme-1", results.get(0).get("partnerInvestorId").asText());
        assertEquals("created", results.get(0).get("status").asText());
        assertTrue(results.get(0).get("zestPersonId").asText().startsWith("psn_"));
        assertFalse(results.get(0).has("error"));
        assertNotEquals(results.get(0).get("zestPersonId"), results.get(1).get("zestPersonId"));

        JsonNode again = journey.createInvestors(List.of(Journey.investor("acme-2"), Journey.investor("acme-3")))
                .json().get("results");
        assertEquals("already_exists", again.get(0).get("status").asText());
        assertEquals(results.get(1).get("zestPersonId"), again.get(0).get("zestPersonId"));
        assertEquals("created", again.get(1).get("status").asText());

        List<PublishedEvents.Event> events = SANDBOX.sandbox().events().events();
        assertEquals(3, events.size(), "one investor.created per created row, none for already_exists");
        PublishedEvents.Event created = events.get(0);
        assertEquals("investor.created", created.eventType());
        assertEquals(Map.of("partnerInvestorId", "acme-1", "zestPersonId", results.get(0).get("zestPersonId").asText(),
                "email", "acme-1@example.com", "firstName", "Alice", "lastName", "Liddell", "kycManagedBy", "partner"),
                created.data());
    }

    @Test
    void everyBadRowFailsAloneWithItsCodeAndFieldInInputOrder() {
        journey.person("taken");
        List<Object> rows = new ArrayList<>();
        rows.add(Journey.investor("good-1"));
        rows.add(without(Journey.investor("no-email"), "email"));
        rows.add(with(Journey.investor("bad-date"), "dateOfBirth", "1985-02-30"));
        rows.add(with(Journey.investor("slashed-date"), "dateOfBirth", "12/04/1985"));
        rows.add(with(Journey.investor("future"), "dateOfBirth", "2999-01-01"));
        rows.add(with(Journey.investor("bad-email"), "email", "alice.example.com"));
        rows.add(with(Journey.investor("bad-country"), "countryOfResidence", "XX"));
        rows.add(with(Journey.investor("lower-country"), "countryOfResidence", "ae"));
        rows.add(with(Journey.investor("number-name"), "firstName", 42));
        rows.add(with(Journey.investor("blank-name"), "lastName", " "));
        rows.add(with(Journey.investor("good-1"), "email", "other@example.com"));
        rows.add(with(Journey.investor("conflicting"), "email", "TAKEN@example.com"));
        rows.add("not an object");
        rows.add(without(Journey.investor("no-country"), "countryOfResidence"));

        TestHttp.Response response = journey.createInvestors(rows);
        assertEquals(200, response.status(), response.body());
        List<String> outcomes = new ArrayList<>();
        for (JsonNode result : response.json().get("results")) {
            JsonNode error = result.get("error");
            outcomes.add(result.get("partnerInvestorId").asText() + " " + result.get("status").asText()
                    + (error == null ? "" : " " + error.get("code").asText() + " " + error.path("field").asText()));
            if (error != null) {
                assertFalse(error.get("retryable").asBoolean());
                assertFalse(error.get("message").asText().isBlank());
            }
        }
        assertEquals(List.of(
                "good-1 created",
                "no-email failed required email",
                "bad-date failed format dateOfBirth",
                "slashed-date failed format dateOfBirth",
                "future failed format dateOfBirth",
                "bad-email failed format email",
                "bad-country failed format countryOfResidence",
                "lower-country failed format countryOfResidence",
                "number-name failed format firstName",
                "blank-name failed required lastName",
                "good-1 failed duplicate partnerInvestorId",
                "conflicting failed conflict email",
                " failed format ",
                "no-country created"), outcomes);
    }

    @Test
    void moreRowsThanTheLimitFailTheWholeCall() {
        SANDBOX.admin().settings(null, 2);
        try {
            TestHttp.Response response = journey.createInvestors(
                    List.of(Journey.investor("a"), Journey.investor("b"), Journey.investor("c")));
            assertEquals(400, response.status());
            assertEquals("invalid_request", response.code());
            assertEquals(0, SANDBOX.sandbox().context().state().persons().size());
            assertEquals(200, journey.createInvestors(List.of(Journey.investor("a"), Journey.investor("b"))).status());
        } finally {
            SANDBOX.admin().settings(null, 1000);
        }
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        List<Map<String, Object>> rows = List.of(Journey.investor("idem-1"));
        TestHttp.Response first = journey.createInvestors(rows, "Idempotency-Key", "key-1");
        TestHttp.Response replay = journey.createInvestors(rows, "Idempotency-Key", "key-1");
        assertEquals(first.body(), replay.body(), "byte for byte, still 'created'");
        assertEquals(1, SANDBOX.sandbox().events().events().size());

        TestHttp.Response other = journey.createInvestors(List.of(Journey.investor("idem-2")), "Idempotency-Key", "key-1");
        assertEquals(409, other.status());
        assertEquals("conflict", other.code());
        assertEquals(1, SANDBOX.sandbox().context().state().persons().size());
    }

    @Test
    void concurrentBatchesWithTheSameInvestorCreateOnePerson() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TestHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> journey.createInvestors(List.of(Journey.investor("racer")))));
            }
            Set<String> personIds = calls.stream().map(InvestorsTest::result)
                    .map(r -> r.json().at("/results/0/zestPersonId").asText()).collect(Collectors.toSet());
            assertEquals(1, personIds.size());
            assertEquals(1, SANDBOX.sandbox().context().state().persons().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherPartnersInvestorsAreItsOwn() {
        PartnerCredentials other = PartnerCredentials.generate("other-investors-partner");
        SANDBOX.admin().registerPartner(other.clientId(), other.publicKeyPem());
        TestHttp http = new TestHttp(SANDBOX.baseUrl());
        String mine = journey.person("shared-id");
        TestHttp.Response theirs = http.postJson("/v1/investors", http.token(other, SANDBOX.audience()),
                Map.of("investors", List.of(Journey.investor("shared-id"))));
        assertEquals("created", theirs.json().at("/results/0/status").asText());
        assertNotEquals(mine, theirs.json().at("/results/0/zestPersonId").asText());
    }

    private static TestHttp.Response result(Future<TestHttp.Response> call) {
        try {
            return call.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> row, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(row);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> row, String field) {
        Map<String, Object> changed = new HashMap<>(row);
        changed.remove(field);
        return changed;
    }
}
