package dev.camelzest.routes.documents;

/**
 * The sidecar of one document: what it is ({@code form} or {@code funding}), the subscription it belongs to (SPV and
 * investor, by partnerInvestorId or Zest personId) and, for a funding receipt, the wire's amount, currency and
 * reference. {@code document} is the document's file name, beside the manifest.
 */
public record DocumentManifest(Kind kind, String document, String spvSlug, String partnerInvestorId, String personId,
        String amount, String currency, String wireReference) {

    public enum Kind {
        FORM, FUNDING
    }
}
