package dev.camelzest.routes.documents;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.camelzest.routes.filedrop.FileBacklog;
import dev.camelzest.routes.ledger.SubscriptionLedger;
import org.apache.camel.CamelContext;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * The documents consumer's filter: a funding receipt found waiting for its signed form is left out of the polls
 * until the ledger shows the form, rather than read again on every poll (its wait leaves it in place, see
 * {@link WaitingDocuments}). Held receipts are forgotten on restart, when they are simply checked again. Every file
 * listed is told to the directory's {@link FileBacklog}: a waiting receipt is a file waiting.
 */
public final class WaitingFundings implements GenericFileFilter<Object> {

    /** The SPV and person whose form a receipt waits for. */
    private record Investment(String spvSlug, String personId) {
    }

    private final Map<String, Investment> waiting = new ConcurrentHashMap<>();
    private final SubscriptionLedger subscriptions;
    private final FileBacklog backlog;

    public WaitingFundings(SubscriptionLedger subscriptions, CamelContext camelContext) {
        this.subscriptions = subscriptions;
        this.backlog = FileBacklog.of(camelContext, this);
    }

    void hold(String fileName, String spvSlug, String personId) {
        waiting.put(fileName, new Investment(spvSlug, personId));
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory()) {
            return true;
        }
        backlog.listed(file);
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
