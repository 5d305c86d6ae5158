package dev.camelzest.sandbox.spv;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.state.Ids;
import dev.camelzest.sandbox.state.MaterialisedRefs;
import dev.camelzest.sandbox.state.ShareClass;
import dev.camelzest.sandbox.state.Spv;
import dev.camelzest.sandbox.state.SpvRequest;

/**
 * What a Zest admin's approval does. Materialises the SPV — opportunity, vehicle, SP and SPC refs and the
 * share class of the attributes, with its own {@code sc_} slug — moves the request to approved and fires
 * spv_request.completed. 409 if the request is not pending-review, 404 if there is none.
 */
public final class SpvRequestApproval {

    private static final String DEFAULT_SHARE_CLASS_NAME = "Class A";

    private final SandboxContext context;

    public SpvRequestApproval(SandboxContext context) {
        this.context = context;
    }

    public SpvRequest approve(String slug) {
        Instant now = context.now();
        MaterialisedRefs refs = new MaterialisedRefs(Ids.next("opp_"), Ids.next("veh_"), Ids.next("sp_"),
                Ids.next("spc_"));
        SpvRequest approved = context.state().spvRequests()
                .update(slug, current -> current.approve(now, refs, shareClasses(current.attributes())))
                .orElseThrow(() -> ApiException.notFound("SPV request " + slug + " not found."));
        context.state().spvs().add(new Spv(refs.vehicleSlug(), refs.opportunitySlug(), refs.spSlug(),
                refs.spcSlug(), approved.slug(), approved.clientId(), approved.tenantSlug(),
                approved.shareClasses(), now));
        context.events().publish(SpvRequestEvents.COMPLETED, SpvRequestEvents.completed(approved), now);
        return approved;
    }

    private static List<ShareClass> shareClasses(Map<String, Object> attributes) {
        Object name = attributes.getOrDefault("share_class_name", DEFAULT_SHARE_CLASS_NAME);
        return List.of(new ShareClass(String.valueOf(name), Ids.next("sc_"),
                text(attributes.get("management_fee_percent")), text(attributes.get("carry_percent")), null));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
