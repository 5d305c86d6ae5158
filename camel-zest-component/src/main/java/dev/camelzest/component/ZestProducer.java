package dev.camelzest.component;

import java.util.UUID;

import dev.camelzest.component.operation.ZestCall;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;

/** Sends an exchange to Zest with the handler of its operation (the URI's, or the CamelZestOperation header's). */
public class ZestProducer extends DefaultProducer {

    /** Distinguishes this producer's Idempotency-Keys from other zest: producers the same exchange passes. */
    private final String producerId = UUID.randomUUID().toString();
    private ZestProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    public ZestProducer(ZestEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public ZestEndpoint getEndpoint() {
        return (ZestEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ZestEndpoint endpoint = getEndpoint();
        ZestOperation operation = operationOf(exchange.getMessage(), endpoint.getOperation());
        ZestCall call = new ZestCall(exchange, operation, endpoint.getConfiguration(), endpoint.getClient(), producerId);
        try {
            endpoint.getComponent().getHandlers().forOperation(operation).handle(call);
        } catch (ZestApiException e) {
            Message message = exchange.getMessage();
            if (e.getStatusCode() != ZestApiException.NO_RESPONSE) {
                message.setHeader(ZestConstants.HTTP_STATUS, e.getStatusCode());
            } else {
                message.removeHeader(ZestConstants.HTTP_STATUS);
            }
            message.setHeader(ZestConstants.ERROR_CODE, e.getCode());
            if (e.getErrorId() != null) {
                message.setHeader(ZestConstants.ERROR_ID, e.getErrorId());
            } else {
                message.removeHeader(ZestConstants.ERROR_ID);
            }
            throw e;
        }
    }

    private static ZestOperation operationOf(Message message, ZestOperation configured) {
        Object header = message.getHeader(ZestConstants.OPERATION);
        if (header instanceof ZestOperation operation) {
            return operation;
        }
        return header == null ? configured : ZestOperation.of(header.toString());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // health checks are optional: registered only when the context has a producers repository
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(
                getEndpoint().getCamelContext(), "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null && getEndpoint().getConfiguration().hasCredentials()) {
            healthCheck = new ZestProducerHealthCheck(getEndpoint(), getEndpoint().getId());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }
}
