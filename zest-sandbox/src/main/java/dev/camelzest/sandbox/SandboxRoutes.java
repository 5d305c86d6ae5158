package dev.camelzest.sandbox;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import dev.camelzest.sandbox.admin.ClearFaults;
import dev.camelzest.sandbox.admin.InjectFault;
import dev.camelzest.sandbox.admin.ListFaults;
import dev.camelzest.sandbox.admin.ListRequests;
import dev.camelzest.sandbox.admin.RegisterPartner;
import dev.camelzest.sandbox.admin.Reset;
import dev.camelzest.sandbox.admin.UpdateSettings;
import dev.camelzest.sandbox.auth.ExchangeToken;
import dev.camelzest.sandbox.auth.GetTokenInfo;
import dev.camelzest.sandbox.contracts.ContractKind;
import dev.camelzest.sandbox.contracts.ContractRegistry;
import dev.camelzest.sandbox.contracts.GetContractDocument;
import dev.camelzest.sandbox.contracts.ListContractDocuments;
import dev.camelzest.sandbox.contracts.ListContractVersions;
import dev.camelzest.sandbox.http.BodyValidation;
import dev.camelzest.sandbox.http.Operations;
import dev.camelzest.sandbox.investors.BulkCreateInvestors;
import dev.camelzest.sandbox.spv.ApproveSpvRequest;
import dev.camelzest.sandbox.spv.CancelSpvRequest;
import dev.camelzest.sandbox.spv.CreateSpvRequest;
import dev.camelzest.sandbox.spv.GetSpvRequest;
import dev.camelzest.sandbox.spv.ListSpvRequests;
import dev.camelzest.sandbox.spv.RejectSpvRequest;
import dev.camelzest.sandbox.subscriptions.CompleteSubscription;
import dev.camelzest.sandbox.subscriptions.CreateSubscriptions;
import dev.camelzest.sandbox.system.ApiDocs;
import dev.camelzest.sandbox.system.HealthCheck;
import dev.camelzest.sandbox.system.OpenApiJson;
import dev.camelzest.sandbox.system.Root;
import dev.camelzest.sandbox.uploads.DocumentStorage;
import dev.camelzest.sandbox.uploads.GetDocument;
import dev.camelzest.sandbox.uploads.UploadFundingReceipt;
import dev.camelzest.sandbox.uploads.UploadSubscriptionForm;

/** Every operation the sandbox serves, in one list: one line per operation, one handler class each. */
final class SandboxRoutes {

    private SandboxRoutes() {
    }

    static void mount(Operations operations, SandboxContext context, DocumentStorage documents) {
        // System
        operations.open(GET, "/", new Root());
        operations.open(GET, "/public/hc", new HealthCheck());
        operations.open(GET, "/openapi.json", new OpenApiJson());
        operations.open(GET, "/docs", new ApiDocs());

        // Authentication
        operations.open(POST, "/v1/oauth2/tokens", new ExchangeToken(context));
        operations.token(GET, "/v1/oauth2/info", new GetTokenInfo(context));

        // Contracts (read-only registry, no auth)
        ContractRegistry contracts = context.contracts();
        operations.open(GET, "/v1/contracts", new ListContractVersions(contracts));
        mountContracts(operations, contracts, ContractKind.TEMPLATES, "template_name");
        mountContracts(operations, contracts, ContractKind.CATALOGS, "catalog_name");
        mountContracts(operations, contracts, ContractKind.PRIMITIVES, "primitive_name");
        mountContracts(operations, contracts, ContractKind.SAMPLES, "sample_name");

        // SPV requests
        operations.partner(POST, "/v1/spv-requests", context.idempotency().required(new CreateSpvRequest(context)));
        operations.partner(GET, "/v1/spv-requests", new ListSpvRequests(context));
        operations.partner(GET, "/v1/spv-requests/{slug}", new GetSpvRequest(context));
        operations.partner(DELETE, "/v1/spv-requests/{slug}", new CancelSpvRequest(context));

        // Investors, subscriptions and their documents
        operations.partner(POST, "/v1/investors", BodyValidation.HANDLER,
                context.idempotency().optional(new BulkCreateInvestors(context)));
        operations.partner(POST, "/v1/spvs/{spv_slug}/subscriptions",
                context.idempotency().optional(new CreateSubscriptions(context)));
        operations.partner(POST, "/v1/spvs/{spv_slug}/subscription/{person_id}/forms", BodyValidation.HANDLER,
                new UploadSubscriptionForm(context, documents));
        operations.partner(POST, "/v1/spvs/{spv_slug}/subscription/{person_id}/fundings", BodyValidation.HANDLER,
                new UploadFundingReceipt(context, documents));

        // The sandbox's admin API
        operations.admin(POST, "/sandbox/partners", new RegisterPartner(context));
        operations.admin(POST, "/sandbox/spv-requests/{slug}/approve", new ApproveSpvRequest(context));
        operations.admin(POST, "/sandbox/spv-requests/{slug}/reject", new RejectSpvRequest(context));
        operations.admin(POST, "/sandbox/spvs/{spvSlug}/subscriptions/{personId}/complete",
                new CompleteSubscription(context));
        operations.admin(GET, "/sandbox/documents/{name}", new GetDocument(context, documents));
        operations.admin(POST, "/sandbox/faults", new InjectFault(context));
        operations.admin(GET, "/sandbox/faults", new ListFaults(context));
        operations.admin(DELETE, "/sandbox/faults", new ClearFaults(context));
        operations.admin(GET, "/sandbox/requests", new ListRequests(context));
        operations.admin(POST, "/sandbox/reset", new Reset(context));
        operations.admin(PUT, "/sandbox/settings", new UpdateSettings(context));
    }

    private static void mountContracts(Operations operations, ContractRegistry contracts, ContractKind kind,
                                       String nameParameter) {
        String list = "/v1/contracts/" + kind.plural() + "/{version}";
        operations.open(GET, list, new ListContractDocuments(contracts, kind));
        operations.open(GET, list + "/{" + nameParameter + "}", new GetContractDocument(contracts, kind, nameParameter));
    }
}
