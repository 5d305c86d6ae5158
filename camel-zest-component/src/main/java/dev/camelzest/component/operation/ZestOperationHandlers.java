package dev.camelzest.component.operation;

import java.util.EnumMap;
import java.util.Map;

import dev.camelzest.component.ZestOperation;
import dev.camelzest.component.model.InfoResponse;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.component.model.SubscriptionBulkResponse;

import static dev.camelzest.component.operation.Authentication.IF_CONFIGURED;
import static dev.camelzest.component.operation.Authentication.NONE;
import static dev.camelzest.component.operation.Authentication.REQUIRED;

/**
 * The handler of each operation. The contracts registry and system endpoints are untyped in the OpenAPI document:
 * their replies are plain JSON values (maps and lists), and the Swagger UI page is text.
 */
public final class ZestOperationHandlers {

    private final Map<ZestOperation, ZestOperationHandler> handlers = new EnumMap<>(ZestOperation.class);

    public ZestOperationHandlers() {
        handlers.put(ZestOperation.createSpvRequest, new JsonWriteHandler("v1/spv-requests", null, SpvRequestResponse.class));
        handlers.put(ZestOperation.getSpvRequest, SimpleCallHandler.get("v1/spv-requests/{slug}", REQUIRED, SpvRequestResponse.class));
        handlers.put(ZestOperation.listSpvRequests, new ListSpvRequestsHandler());
        handlers.put(ZestOperation.cancelSpvRequest, SimpleCallHandler.delete("v1/spv-requests/{slug}", SpvRequestResponse.class));
        handlers.put(ZestOperation.bulkCreateInvestors, new BulkCreateInvestorsHandler());
        handlers.put(ZestOperation.createSubscriptions,
                new JsonWriteHandler("v1/spvs/{spvSlug}/subscriptions", "subscriptions", SubscriptionBulkResponse.class));
        handlers.put(ZestOperation.uploadSubscriptionForm, new UploadSubscriptionFormHandler());
        handlers.put(ZestOperation.uploadFundingReceipt, new UploadFundingReceiptHandler());
        handlers.put(ZestOperation.exchangeToken, new ExchangeTokenHandler());
        handlers.put(ZestOperation.tokenInfo, SimpleCallHandler.get("v1/oauth2/info", REQUIRED, InfoResponse.class));
        handlers.put(ZestOperation.listContractVersions, contracts("v1/contracts"));
        handlers.put(ZestOperation.listTemplates, contracts("v1/contracts/templates/{version}"));
        handlers.put(ZestOperation.getTemplate, contracts("v1/contracts/templates/{version}/{name}"));
        handlers.put(ZestOperation.listCatalogs, contracts("v1/contracts/catalogs/{version}"));
        handlers.put(ZestOperation.getCatalog, contracts("v1/contracts/catalogs/{version}/{name}"));
        handlers.put(ZestOperation.listPrimitives, contracts("v1/contracts/primitives/{version}"));
        handlers.put(ZestOperation.getPrimitive, contracts("v1/contracts/primitives/{version}/{name}"));
        handlers.put(ZestOperation.listSamples, contracts("v1/contracts/samples/{version}"));
        handlers.put(ZestOperation.getSample, contracts("v1/contracts/samples/{version}/{name}"));
        handlers.put(ZestOperation.root, SimpleCallHandler.get("", NONE, Object.class));
        handlers.put(ZestOperation.healthCheck, SimpleCallHandler.get("public/hc", NONE, Object.class));
        handlers.put(ZestOperation.openApiSpec, SimpleCallHandler.get("openapi.json", NONE, Object.class));
        handlers.put(ZestOperation.apiDocs, SimpleCallHandler.get("docs", NONE, String.class));
    }

    public ZestOperationHandler forOperation(ZestOperation operation) {
        ZestOperationHandler handler = handlers.get(operation);
        if (handler == null) {
            throw new IllegalStateException("No handler for the Zest operation " + operation);
        }
        return handler;
    }

    private static ZestOperationHandler contracts(String path) {
        return SimpleCallHandler.get(path, IF_CONFIGURED, Object.class);
    }
}
