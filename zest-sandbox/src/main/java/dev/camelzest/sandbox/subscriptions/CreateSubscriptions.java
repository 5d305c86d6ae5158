package dev.camelzest.sandbox.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.http.ValidationErrorItem;
import dev.camelzest.sandbox.state.Ids;
import dev.camelzest.sandbox.state.Person;
import dev.camelzest.sandbox.state.Spv;
import dev.camelzest.sandbox.state.Subscription;
import dev.camelzest.sandbox.state.SubscriptionStore;

/**
 * POST /v1/spvs/{spv_slug}/subscriptions: 201 with one pending subscription per row and one
 * subscription.created each. The docs do not describe partial success and SubscriptionResult has no error
 * field, so the call is all or nothing: the SPV must be this partner's approved SPV (404), every person
 * must be one this partner onboarded (404, as Zest answers for an unknown zestPersonId), and every row
 * must name a share class of the SPV with a positive decimal amount in an ISO 4217 currency, each person
 * once (400 validation_error, one entry per failing row field). A person who already subscribes to the
 * SPV gets that subscription back unchanged and no new webhook: the upload paths allow one subscription
 * per person per SPV.
 */
public final class CreateSubscriptions implements ApiHandler {

    private static final String SUBSCRIPTION_CREATED = "subscription.created";

    private final SandboxContext context;

    public CreateSubscriptions(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String clientId = request.requireClientId();
        String spvSlug = request.pathParam("spv_slug");
        Spv spv = context.state().spvs().findOwned(spvSlug, clientId)
                .orElseThrow(() -> ApiException.notFound("SPV " + spvSlug + " not found."));
        JsonNode rows = request.jsonBody().get("subscriptions");
        List<Person> persons = persons(rows, clientId);
        validate(rows, spv);

        Instant now = context.now();
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            results.add(SubscriptionView.of(subscribe(spv, persons.get(i), rows.get(i), now)));
        }
        return ApiResponse.created(Map.of("results", results));
    }

    private List<Person> persons(JsonNode rows, String clientId) {
        List<Person> persons = new ArrayList<>();
        for (JsonNode row : rows) {
            String personId = row.get("zestPersonId").asText();
            persons.add(context.state().persons().findOwned(personId, clientId)
                    .orElseThrow(() -> ApiException.notFound("Person " + personId + " not found.")));
        }
        return persons;
    }

    private static void validate(JsonNode rows, Spv spv) {
        List<ValidationErrorItem> errors = new ArrayList<>();
        Set<String> personIds = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            String at = "subscriptions[" + i + "].";
            String shareClass = row.get("shareClassSlug").asText();
            if (spv.shareClass(shareClass).isEmpty()) {
                errors.add(new ValidationErrorItem(at + "shareClassSlug", "unknown_share_class",
                        "SPV " + spv.vehicleSlug() + " has no share class " + shareClass, shareClass));
            }
            checkLumpSum(row.get("lumpSum"), at + "lumpSum", errors);
            if (!personIds.add(row.get("zestPersonId").asText())) {
                errors.add(new ValidationErrorItem(at + "zestPersonId", "duplicate",
                        "a person subscribes once per SPV", row.get("zestPersonId").asText()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validationError("Subscriptions failed validation.", errors);
        }
    }

    private static void checkLumpSum(JsonNode lumpSum, String field, List<ValidationErrorItem> errors) {
        JsonNode currency = lumpSum.path("currency");
        if (!currency.isTextual() || !MoneyFormat.isCurrency(currency.asText())) {
            errors.add(new ValidationErrorItem(field + ".currency", "format",
                    "currency must be an ISO 4217 code", currency.isMissingNode() ? null : currency.asText()));
        }
        JsonNode value = lumpSum.path("value");
        if (!value.isTextual() || !MoneyFormat.isPositiveDecimal(value.asText())) {
            errors.add(new ValidationErrorItem(field + ".value", "format",
                    "value must be a positive decimal string", value.isMissingNode() ? null : value.asText()));
        }
    }

    private Subscription subscribe(Spv spv, Person person, JsonNode row, Instant now) {
        SubscriptionStore store = context.state().subscriptions();
        JsonNode partnerSubscriptionId = row.get("partnerSubscriptionId");
        Map<String, Object> lumpSum = new LinkedHashMap<>();
        lumpSum.put("currency", row.get("lumpSum").get("currency").asText());
        lumpSum.put("value", row.get("lumpSum").get("value").asText());
        Subscription fresh = new Subscription(Ids.next("sub_"), spv.vehicleSlug(), person.zestPersonId(),
                person.clientId(), person.partnerInvestorId(),
                partnerSubscriptionId == null || partnerSubscriptionId.isNull() ? null : partnerSubscriptionId.asText(),
                lumpSum, row.get("shareClassSlug").asText(), Subscription.PENDING, now, null, null, null);
        if (!store.insert(Subscription.key(spv.vehicleSlug(), person.zestPersonId()), fresh)) {
            return store.find(spv.vehicleSlug(), person.zestPersonId()).orElseThrow();
        }
        context.events().publish(SUBSCRIPTION_CREATED, SubscriptionView.created(fresh), now);
        return fresh;
    }
}
