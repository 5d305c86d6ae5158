package dev.camelzest.sandbox.spv;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelzest.sandbox.http.Json;
import dev.camelzest.sandbox.state.SpvRequest;

/** The {@code data} of the four spv_request.* webhooks (sandbox README, *Event payloads*). */
final class SpvRequestEvents {

    static final String CREATED = "spv_request.created";
    static final String COMPLETED = "spv_request.completed";
    static final String REJECTED = "spv_request.rejected";
    static final String CANCELLED = "spv_request.cancelled";

    private SpvRequestEvents() {
    }

    static Map<String, Object> created(SpvRequest request) {
        return common(request);
    }

    static Map<String, Object> completed(SpvRequest request) {
        Map<String, Object> data = common(request);
        data.put("materialisedRefs", SpvRequestView.refs(request.materialisedRefs()));
        data.put("approvedAt", Json.timestamp(request.approvedAt()));
        return data;
    }

    static Map<String, Object> rejected(SpvRequest request) {
        Map<String, Object> data = common(request);
        data.put("rejectionReason", request.rejectionReason());
        data.put("rejectedAt", Json.timestamp(request.rejectedAt()));
        return data;
    }

    static Map<String, Object> cancelled(SpvRequest request) {
        Map<String, Object> data = common(request);
        data.put("cancelledAt", Json.timestamp(request.cancelledAt()));
        return data;
    }

    private static Map<String, Object> common(SpvRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spvRequestSlug", request.slug());
        data.put("templateId", request.templateId());
        data.put("templateVersion", request.templateVersion());
        data.put("tenantSlug", request.tenantSlug());
        data.put("attributes", request.attributes());
        data.put("status", request.status().wire());
        return data;
    }
}
