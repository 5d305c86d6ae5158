package dev.camelzest.springboot;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.camelzest.routes.documents.DocumentTemplates;
import dev.camelzest.routes.events.PartnerEventTemplates;
import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.spvrequests.SpvRequestTemplates;
import dev.camelzest.routes.subscriptions.SubscriptionTemplates;
import org.apache.camel.builder.RouteBuilder;

/** Each opt-in feature: its properties, the builder of its templates, and its template ids by short name. */
enum ZestFeature {

    INVESTORS("zest.investors", ZestRoutesProperties::getInvestors, InvestorImportTemplates::new,
            "file", InvestorImportTemplates.FILE, "sftp", InvestorImportTemplates.SFTP),
    SUBSCRIPTIONS("zest.subscriptions", ZestRoutesProperties::getSubscriptions, SubscriptionTemplates::new,
            "file", SubscriptionTemplates.FILE, "sftp", SubscriptionTemplates.SFTP),
    DOCUMENTS("zest.documents", ZestRoutesProperties::getDocuments, DocumentTemplates::new,
            "file", DocumentTemplates.FILE, "sftp", DocumentTemplates.SFTP),
    SPV_REQUESTS("zest.spv-requests", ZestRoutesProperties::getSpvRequests, SpvRequestTemplates::new,
            "file", SpvRequestTemplates.FILE, "reconcile", SpvRequestTemplates.RECONCILE),
    EVENTS("zest.events", ZestRoutesProperties::getEvents, PartnerEventTemplates::new,
            "events", PartnerEventTemplates.EVENTS, "replay", PartnerEventTemplates.REPLAY);

    private final String prefix;
    private final Function<ZestRoutesProperties, ZestRoutesProperties.Feature> properties;
    private final Supplier<RouteBuilder> templates;
    private final String defaultTemplate;
    private final Map<String, String> templateIds;

    ZestFeature(String prefix, Function<ZestRoutesProperties, ZestRoutesProperties.Feature> properties,
            Supplier<RouteBuilder> templates, String defaultTemplate, String defaultTemplateId, String otherTemplate,
            String otherTemplateId) {
        this.prefix = prefix;
        this.properties = properties;
        this.templates = templates;
        this.defaultTemplate = defaultTemplate;
        this.templateIds = Map.of(defaultTemplate, defaultTemplateId, otherTemplate, otherTemplateId);
    }

    ZestRoutesProperties.Feature of(ZestRoutesProperties all) {
        return properties.apply(all);
    }

    RouteBuilder templates() {
        return templates.get();
    }

    String templateId(String shortName) {
        String id = templateIds.get(shortName == null ? defaultTemplate : shortName);
        if (id == null) {
            throw new IllegalArgumentException(prefix + ".template=" + shortName + " is not one of "
                    + templateIds.keySet());
        }
        return id;
    }

    String prefix() {
        return prefix;
    }
}
