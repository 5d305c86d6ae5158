package dev.camelzest.component;

/** The Zest Partner API operations, one per OpenAPI operation; the name is the path of a {@code zest:} URI. */
public enum ZestOperation {
    // SPV requests
    createSpvRequest,
    getSpvRequest,
    listSpvRequests,
    cancelSpvRequest,
    // investors and subscriptions
    bulkCreateInvestors,
    createSubscriptions,
    uploadSubscriptionForm,
    uploadFundingReceipt,
    // authentication
    exchangeToken,
    tokenInfo,
    // contracts registry (read-only)
    listContractVersions,
    listTemplates,
    getTemplate,
    listCatalogs,
    getCatalog,
    listPrimitives,
    getPrimitive,
    listSamples,
    getSample,
    // system
    root,
    healthCheck,
    openApiSpec,
    apiDocs,
    // webhooks
    /** Not callable: the path of the webhook consumer, {@code from("webhook:zest:events?webhookSecret=...")}. */
    events
}
