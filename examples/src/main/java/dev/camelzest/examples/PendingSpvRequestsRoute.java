package dev.camelzest.examples;

import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.component.model.SpvRequestStatus;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Java DSL side of the examples: every minute, the SPV requests still pending review, typed, with the
 * connector handling the token, paging and errors.
 */
public class PendingSpvRequestsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:pending-spv-requests?period={{pending.period:60000}}&repeatCount={{pending.repeat:0}}")
                .routeId("java-pending-spv-requests")
                .to("zest:listSpvRequests?status=pending-review&allPages=true")
                .split(body())
                    .process(exchange -> {
                        SpvRequestResponse request = exchange.getMessage().getBody(SpvRequestResponse.class);
                        exchange.getMessage().setBody(request.spvRequestSlug() + " "
                                + (request.status() == SpvRequestStatus.PENDING_REVIEW ? "waits for Zest's review" : request.status()));
                    })
                    .log("${body}")
                .end();
    }
}
