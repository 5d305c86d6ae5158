package dev.camelzest.component;

import java.util.Arrays;

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
    apiDocs;

    /** The operation of this name, e.g. from the {@code CamelZestOperation} header. */
    public static ZestOperation of(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown Zest operation '" + name + "'; one of "
                                               + Arrays.toString(values()), e);
        }
    }
}
