package dev.camelzest.sandbox.spv;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/** POST /sandbox/spv-requests/{slug}/approve (admin): see {@link SpvRequestApproval}. */
public final class ApproveSpvRequest implements ApiHandler {

    private final SpvRequestApproval approval;

    public ApproveSpvRequest(SandboxContext context) {
        this.approval = new SpvRequestApproval(context);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(SpvRequestView.of(approval.approve(request.pathParam("slug"))));
    }
}
