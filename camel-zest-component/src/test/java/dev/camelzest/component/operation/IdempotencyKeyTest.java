package dev.camelzest.component.operation;

import dev.camelzest.component.ZestConfiguration;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.ZestOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.ExchangeHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The Idempotency-Key of a write: kept for the exchange and the producer, so that a redelivery resends it; new for a
 * copy of the exchange or another producer. No clock is involved: a key never expires on the client's side, because
 * a redelivery long after the first attempt must still be recognised by Zest.
 */
class IdempotencyKeyTest {

    private final CamelContext camelContext = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        camelContext.close();
    }

    private static ZestCall call(Exchange exchange, String producerId) {
        return new ZestCall(exchange, ZestOperation.createSpvRequest, new ZestConfiguration(), null, producerId);
    }

    @Test
    void aRedeliveryOfTheSameExchangeResendsTheSameKey() {
        Exchange exchange = new DefaultExchange(camelContext);

        String first = call(exchange, "producer-a").idempotencyKey();
        String redelivered = call(exchange, "producer-a").idempotencyKey();

        assertEquals(first, redelivered);
    }

    @Test
    void anotherProducerOnTheSameExchangeGetsItsOwnKey() {
        Exchange exchange = new DefaultExchange(camelContext);

        assertNotEquals(call(exchange, "producer-a").idempotencyKey(), call(exchange, "producer-b").idempotencyKey());
    }

    @Test
    void aCopyOfTheExchangeIsANewActionWithANewKey() {
        Exchange exchange = new DefaultExchange(camelContext);
        String original = call(exchange, "producer-a").idempotencyKey();

        Exchange splitPart = ExchangeHelper.createCorrelatedCopy(exchange, false);

        assertNotEquals(original, call(splitPart, "producer-a").idempotencyKey());
        assertEquals(original, call(exchange, "producer-a").idempotencyKey(), "the original keeps its key");
    }

    @Test
    void theHeaderChosenByTheRouteWins() {
        Exchange exchange = new DefaultExchange(camelContext);
        exchange.getMessage().setHeader(ZestConstants.IDEMPOTENCY_KEY, "spv-request-local-42");

        assertEquals("spv-request-local-42", call(exchange, "producer-a").idempotencyKey());
    }
}
