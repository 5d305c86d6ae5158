package dev.camelzest.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Where the starter's events feature delivers (zest.events.parameters.defaultTarget): the application's own
 * handling of an event, here keeping it for GET /events.
 */
@Component
public class PartnerEventsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:partner-events").routeId("partner-events").bean("receivedEvents", "add");
    }
}
