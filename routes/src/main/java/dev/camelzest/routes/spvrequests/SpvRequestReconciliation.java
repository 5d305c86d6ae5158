package dev.camelzest.routes.spvrequests;

import java.util.List;

import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.routes.ledger.SpvRequestLedger;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the SPV requests the ledger still holds as pending from Zest itself, for the events that never arrived
 * (Zest dead-letters a webhook after its last retry). The ledger keeps whichever state is newer.
 */
public final class SpvRequestReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(SpvRequestReconciliation.class);

    private final SpvRequestLedger ledger;

    public SpvRequestReconciliation(SpvRequestLedger ledger) {
        this.ledger = ledger;
    }

    public List<String> pending() {
        return ledger.pendingSlugs();
    }

    /** Makes the getSpvRequest call of one pending request. */
    public void request(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader(ZestConstants.SLUG, message.getBody(String.class));
        message.setBody(null);
    }

    /** Records Zest's state of the request; a request Zest could not be asked about is tried on the next round. */
    public void refreshed(Exchange exchange) {
        Object reply = exchange.getMessage().getBody();
        String slug = exchange.getMessage().getHeader(ZestConstants.SLUG, String.class);
        if (reply instanceof SpvRequestResponse response) {
            ledger.apply(SpvRequestStates.of(response));
            LOG.debug("SPV request {} is {} at Zest", slug, response.status());
        } else {
            // the reason in one line: a stack trace every period for a request Zest does not know says no more
            Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            LOG.warn("SPV request {} could not be refreshed: {}", slug,
                    failure == null ? "no reply" : failure.getMessage());
        }
    }
}
