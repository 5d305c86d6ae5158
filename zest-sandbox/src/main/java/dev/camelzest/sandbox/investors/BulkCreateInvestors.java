package dev.camelzest.sandbox.investors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.state.Ids;
import dev.camelzest.sandbox.state.Person;
import dev.camelzest.sandbox.state.PersonStore;

/**
 * POST /v1/investors: always 200 with one result per input row, in input order (the docs key results by
 * partnerInvestorId and do not promise an order; keeping the input order is what a client correlating
 * duplicates needs). A bad row never fails the batch. Per row, in this order: its own fields
 * ({@code required}, {@code format}); an id already seen earlier in the batch ({@code duplicate}, the first
 * wins); an id this client onboarded before ({@code already_exists} with the same zestPersonId, no
 * webhook); an email another id of this client uses ({@code conflict}); otherwise {@code created} and one
 * investor.created. More rows than the configured maximum: 400 invalid_request, nothing created.
 */
public final class BulkCreateInvestors implements ApiHandler {

    private static final String INVESTOR_CREATED = "investor.created";

    private final SandboxContext context;

    public BulkCreateInvestors(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String clientId = request.requireClientId();
        JsonNode investors = request.jsonBody().get("investors");
        if (investors == null || !investors.isArray()) {
            throw ApiException.invalidRequest("The body must be {\"investors\": [...]}.");
        }
        int max = context.settings().maxInvestorsPerCall();
        if (investors.size() > max) {
            throw ApiException.invalidRequest("At most " + max + " investors per call; this one has "
                    + investors.size() + ".");
        }
        LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
        Set<String> seen = new HashSet<>();
        List<RowResult> results = new ArrayList<>(investors.size());
        for (JsonNode row : investors) {
            results.add(onboard(clientId, row, today, seen));
        }
        return ApiResponse.ok(Map.of("results", results));
    }

    private RowResult onboard(String clientId, JsonNode row, LocalDate today, Set<String> seen) {
        String partnerInvestorId = row.path("partnerInvestorId").isTextual() ? row.get("partnerInvestorId").asText() : "";
        Optional<RowError> invalid = InvestorRowCheck.check(row, today);
        if (invalid.isPresent()) {
            return RowResult.failed(partnerInvestorId, invalid.get());
        }
        if (!seen.add(partnerInvestorId)) {
            return RowResult.failed(partnerInvestorId, RowError.of("duplicate", "partnerInvestorId",
                    "partnerInvestorId " + partnerInvestorId + " appears more than once in this batch"));
        }
        Instant now = context.now();
        PersonStore.Outcome outcome = context.state().persons().createOrFind(clientId, partnerInvestorId,
                row.get("email").asText(), () -> newPerson(clientId, row, now));
        if (outcome instanceof PersonStore.AlreadyExists existing) {
            return RowResult.alreadyExists(partnerInvestorId, existing.person().zestPersonId());
        }
        if (outcome instanceof PersonStore.EmailTaken) {
            return RowResult.failed(partnerInvestorId, RowError.of("conflict", "email",
                    "email is already used by another investor"));
        }
        Person person = ((PersonStore.Created) outcome).person();
        context.events().publish(INVESTOR_CREATED, created(person), now);
        return RowResult.created(partnerInvestorId, person.zestPersonId());
    }

    private static Person newPerson(String clientId, JsonNode row, Instant now) {
        JsonNode country = row.get("countryOfResidence");
        return new Person(Ids.next("psn_"), clientId, row.get("partnerInvestorId").asText(), row.get("email").asText(),
                row.get("firstName").asText(), row.get("lastName").asText(), row.get("dateOfBirth").asText(),
                country == null || country.isNull() ? null : country.asText(), now);
    }

    /** investor.created's data (sandbox README, *Event payloads*): no date of birth, no country. */
    private static Map<String, Object> created(Person person) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partnerInvestorId", person.partnerInvestorId());
        data.put("zestPersonId", person.zestPersonId());
        data.put("email", person.email());
        data.put("firstName", person.firstName());
        data.put("lastName", person.lastName());
        data.put("kycManagedBy", "partner");
        return data;
    }
}
