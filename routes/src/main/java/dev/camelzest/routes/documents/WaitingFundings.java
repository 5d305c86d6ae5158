package dev.camelzest.routes.documents;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.camelzest.routes.ledger.SubscriptionLedger;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The documents consumer's filter: a funding receipt found waiting for its signed form is left out of the polls
 * until the ledger shows the form, rather than read again on every poll (its wait leaves it in place, see
 * {@link WaitingDocuments}). Held receipts are forgotten on restart, when they are simply checked again.
 */
public final class WaitingFundings implements GenericFileFilter<Object> {

    /** The SPV and person whose form a receipt waits for. */
    private record Investment(String spvSlug, String personId) {
    }

    private final Map<String, Investment> waiting = new ConcurrentHashMap<>();
    private final SubscriptionLedger subscriptions;

    public WaitingFundings(SubscriptionLedger subscriptions) {
        this.subscriptions = subscriptions;
    }

    void hold(String fileName, String spvSlug, String personId) {
        waiting.put(fileName, new Investment(spvSlug, personId));
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        Investment investment = waiting.get(file.getRelativeFilePath());
        if (investment == null) {
            return true;
        }
        if (subscriptions.awaitsForm(investment.spvSlug(), investment.personId())) {
            return false;
        }
        waiting.remove(file.getRelativeFilePath());
        return true;
    }
}
