package dev.camelzest.sandbox.spv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelzest.sandbox.http.Json;
import dev.camelzest.sandbox.state.MaterialisedRefs;
import dev.camelzest.sandbox.state.ShareClass;
import dev.camelzest.sandbox.state.SpvRequest;

/** The SpvRequestResponse JSON of an SPV request; optional fields appear only when set. */
public final class SpvRequestView {

    private SpvRequestView() {
    }

    public static Map<String, Object> of(SpvRequest request) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("spvRequestSlug", request.slug());
        view.put("status", request.status().wire());
        view.put("templateId", request.templateId());
        view.put("templateVersion", request.templateVersion());
        view.put("tenantSlug", request.tenantSlug());
        view.put("clientId", request.clientId());
        view.put("attributes", request.attributes());
        putIfSet(view, "rejectionReason", request.rejectionReason());
        putIfSet(view, "cancelledAt", Json.timestamp(request.cancelledAt()));
        putIfSet(view, "approvedAt", Json.timestamp(request.approvedAt()));
        if (request.materialisedRefs() != null) {
            view.put("materialisedRefs", refs(request.materialisedRefs()));
        }
        if (request.shareClasses() != null) {
            view.put("feesAndCarry", Map.of("shareClasses", shareClasses(request.shareClasses())));
        }
        view.put("createdAt", Json.timestamp(request.createdAt()));
        view.put("updatedAt", Json.timestamp(request.updatedAt()));
        return view;
    }

    static Map<String, Object> refs(MaterialisedRefs refs) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("opportunitySlug", refs.opportunitySlug());
        view.put("vehicleSlug", refs.vehicleSlug());
        view.put("spSlug", refs.spSlug());
        view.put("spcSlug", refs.spcSlug());
        return view;
    }

    private static List<Map<String, Object>> shareClasses(List<ShareClass> classes) {
        return classes.stream().map(shareClass -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", shareClass.name());
            view.put("slug", shareClass.slug());
            putIfSet(view, "managementFeePercent", shareClass.managementFeePercent());
            putIfSet(view, "carryPercent", shareClass.carryPercent());
            putIfSet(view, "setupFee", shareClass.setupFee());
            return view;
        }).toList();
    }

    private static void putIfSet(Map<String, Object> view, String field, Object value) {
        if (value != null) {
            view.put(field, value);
        }
    }
}
