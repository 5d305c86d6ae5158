package dev.camelzest.springboot;

import java.util.Map;

import dev.camelzest.routes.ledger.Ledger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.util.StringHelper;

/**
 * Creates the route of every enabled feature from its template and {@code zest.<feature>.parameters.*}. The
 * templates fall back to an embedded ledger when theirs is missing; here that would be a silent second database, so
 * an enabled feature without its ledger bean fails the start instead.
 */
final class ZestTemplatedRoutes extends RouteBuilder {

    private static final String LEDGER_PARAMETER = "ledger";

    private final ZestRoutesProperties properties;

    ZestTemplatedRoutes(ZestRoutesProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() throws Exception {
        for (ZestFeature feature : ZestFeature.values()) {
            ZestRoutesProperties.Feature settings = feature.of(properties);
            if (settings.isEnabled()) {
                add(feature, settings);
            }
        }
    }

    private void add(ZestFeature feature, ZestRoutesProperties.Feature settings) throws Exception {
        String templateId = feature.templateId(settings.getTemplate());
        // the templates are in the context before the route is made from one
        getContext().addRoutes(feature.templates());
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(getContext(), templateId)
                .routeId(settings.getRouteId() == null ? templateId : settings.getRouteId());
        for (Map.Entry<String, String> parameter : settings.getParameters().entrySet()) {
            route.parameter(StringHelper.dashToCamelCase(parameter.getKey()), parameter.getValue());
        }
        String ledger = settings.getParameters().getOrDefault(LEDGER_PARAMETER, ZestRoutesAutoConfiguration.LEDGER);
        if (getContext().getRegistry().lookupByNameAndType(ledger, Ledger.class) == null) {
            throw new IllegalStateException(feature.prefix() + " needs the ledger bean '" + ledger
                    + "': give the application a DataSource (spring.datasource.*) or a Ledger bean of that name");
        }
        route.add();
    }
}
