package dev.camelzest.component;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.camelzest.component.metrics.ZestMetrics;
import dev.camelzest.component.operation.ZestCall;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends an exchange to Zest with the handler of its operation (the URI's, or the CamelZestOperation header's). */
public class ZestProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(ZestProducer.class);

    /** Distinguishes this producer's Idempotency-Keys from other zest: producers the same exchange passes. */
    private final String producerId = UUID.randomUUID().toString();
    /** The exchange property naming the producers that already called Zest for an exchange (retries are counted). */
    private static final String ATTEMPTED_BY = "CamelZestAttemptedBy";
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
        ZestMetrics metrics = endpoint.getClient().metrics();
        if (isRedelivery(exchange)) {
            metrics.retry(operation.name());
        }
        try {
            endpoint.getComponent().getHandlers().forOperation(operation).handle(call);
        } catch (ZestApiException e) {
            metrics.error(operation.name(), e.getCode());
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
            logFailure(operation, e);
            throw e;
        }
    }

    /**
     * One line per failed call, at INFO: what failed and Zest's errorId (to quote to Zest), also as log fields; the
     * route's error handling decides what the failure means (a retry, a row failed, the file stopped) and logs that.
     * Status, code and id only: Zest's message may echo a partner's data.
     */
    private static void logFailure(ZestOperation operation, ZestApiException e) {
        try (LogFields fields = LogFields.of(ZestConstants.OPERATION, operation.name(),
                ZestConstants.ERROR_ID, e.getErrorId(), ZestConstants.ERROR_CODE, e.getCode())) {
            LOG.info("Zest call {} failed: {} {}{}", operation.name(),
                    e.getStatusCode() == ZestApiException.NO_RESPONSE ? "no answer" : "HTTP " + e.getStatusCode(),
                    e.getCode(), e.getErrorId() == null ? "" : " (errorId " + e.getErrorId() + ")");
        }
    }

    /** Camel's error handler sends this exchange to this producer again (a loop over the same exchange is not). */
    @SuppressWarnings("unchecked")
    private boolean isRedelivery(Exchange exchange) {
        Set<String> attempted = exchange.getProperty(ATTEMPTED_BY, Set.class);
        if (attempted == null) {
            attempted = ConcurrentHashMap.newKeySet();
            exchange.setProperty(ATTEMPTED_BY, attempted);
        }
        // keyed by exchange id too: a copy of the exchange (split, multicast) shares the property's set
        boolean calledBefore = !attempted.add(exchange.getExchangeId() + '/' + producerId);
        return calledBefore && exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) > 0;
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
