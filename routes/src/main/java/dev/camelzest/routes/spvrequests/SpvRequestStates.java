package dev.camelzest.routes.spvrequests;

import java.time.Instant;

import dev.camelzest.component.model.MaterialisedRefsResponse;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.routes.ledger.SpvRequestState;

/** The ledger state of an SPV request Zest returned (create, get, cancel). */
public final class SpvRequestStates {

    private SpvRequestStates() {
    }

    /**
     * The state is as of the request's last change ({@code updatedAt}); a reply without it falls back to the time of
     * the status itself.
     */
    public static SpvRequestState of(SpvRequestResponse response) {
        MaterialisedRefsResponse refs = response.materialisedRefs();
        return new SpvRequestState(response.spvRequestSlug(), response.status().wireValue(), response.templateId(),
                response.templateVersion(), time(response), refs == null ? null : refs.opportunitySlug(),
                refs == null ? null : refs.vehicleSlug(), refs == null ? null : refs.spSlug(),
                refs == null ? null : refs.spcSlug(), response.rejectionReason());
    }

    private static Instant time(SpvRequestResponse response) {
        if (response.updatedAt() != null) {
            return response.updatedAt();
        }
        if (response.cancelledAt() != null) {
            return response.cancelledAt();
        }
        return response.approvedAt() != null ? response.approvedAt() : response.createdAt();
    }
}
