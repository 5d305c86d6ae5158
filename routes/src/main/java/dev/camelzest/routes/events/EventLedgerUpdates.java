package dev.camelzest.routes.events;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.camelzest.component.model.MaterialisedRefsResponse;
import dev.camelzest.component.model.Money;
import dev.camelzest.component.model.event.FundingReceiptUploaded;
import dev.camelzest.component.model.event.InvestorCreated;
import dev.camelzest.component.model.event.SignedSubscriptionFormUploaded;
import dev.camelzest.component.model.event.SpvRequestCancelled;
import dev.camelzest.component.model.event.SpvRequestCompleted;
import dev.camelzest.component.model.event.SpvRequestCreated;
import dev.camelzest.component.model.event.SpvRequestRejected;
import dev.camelzest.component.model.event.SubscriptionCompleted;
import dev.camelzest.component.model.event.SubscriptionCreated;
import dev.camelzest.component.model.event.ZestEvent;
import dev.camelzest.component.model.event.ZestEventType;
import dev.camelzest.routes.ledger.InvestorMapping;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.SpvRequestState;
import dev.camelzest.routes.ledger.SubscriptionChange;
import dev.camelzest.routes.ledger.SubscriptionStep;

/**
 * Applies a Zest event to the ledger: one small handler per event type. The event's {@code occurredAt} is the time of
 * the state it reports, so the ledger keeps the newest whatever order events arrive in. Types this version does not
 * know are only recorded in {@code webhook_events}.
 */
public final class EventLedgerUpdates {

    /** Where investors learnt from webhooks come from, in {@code investors.source_file}. */
    static final String WEBHOOK_SOURCE = "webhook";

    private final Ledger ledger;
    private final Map<ZestEventType, Consumer<ZestEvent>> handlers = new EnumMap<>(ZestEventType.class);

    public EventLedgerUpdates(Ledger ledger) {
        this.ledger = ledger;
        handlers.put(ZestEventType.SPV_REQUEST_CREATED, this::spvRequestCreated);
        handlers.put(ZestEventType.SPV_REQUEST_COMPLETED, this::spvRequestCompleted);
        handlers.put(ZestEventType.SPV_REQUEST_REJECTED, this::spvRequestRejected);
        handlers.put(ZestEventType.SPV_REQUEST_CANCELLED, this::spvRequestCancelled);
        handlers.put(ZestEventType.INVESTOR_CREATED, this::investorCreated);
        handlers.put(ZestEventType.SUBSCRIPTION_CREATED, this::subscriptionCreated);
        handlers.put(ZestEventType.SIGNED_SUBSCRIPTION_FORM_UPLOADED, this::formUploaded);
        handlers.put(ZestEventType.FUNDING_RECEIPT_UPLOADED, this::fundingUploaded);
        handlers.put(ZestEventType.SUBSCRIPTION_COMPLETED, this::subscriptionCompleted);
    }

    /** Records the event, then the state it reports. */
    public void apply(ZestEvent event) {
        ledger.webhookEvents().received(event.eventId(), event.eventType(), event.occurredAt());
        event.type().map(handlers::get).ifPresent(handler -> handler.accept(event));
    }

    private void spvRequestCreated(ZestEvent event) {
        SpvRequestCreated data = event.dataAs(SpvRequestCreated.class);
        ledger.spvRequests().apply(new SpvRequestState(data.spvRequestSlug(), data.status(), data.templateId(),
                data.templateVersion(), event.occurredAt(), null, null, null, null, null));
    }

    private void spvRequestCompleted(ZestEvent event) {
        SpvRequestCompleted data = event.dataAs(SpvRequestCompleted.class);
        MaterialisedRefsResponse refs = data.materialisedRefs();
        ledger.spvRequests().apply(new SpvRequestState(data.spvRequestSlug(), data.status(), data.templateId(),
                data.templateVersion(), event.occurredAt(), refs == null ? null : refs.opportunitySlug(),
                refs == null ? null : refs.vehicleSlug(), refs == null ? null : refs.spSlug(),
                refs == null ? null : refs.spcSlug(), null));
    }

    private void spvRequestRejected(ZestEvent event) {
        SpvRequestRejected data = event.dataAs(SpvRequestRejected.class);
        ledger.spvRequests().apply(new SpvRequestState(data.spvRequestSlug(), data.status(), data.templateId(),
                data.templateVersion(), event.occurredAt(), null, null, null, null, data.rejectionReason()));
    }

    private void spvRequestCancelled(ZestEvent event) {
        SpvRequestCancelled data = event.dataAs(SpvRequestCancelled.class);
        ledger.spvRequests().apply(new SpvRequestState(data.spvRequestSlug(), data.status(), data.templateId(),
                data.templateVersion(), event.occurredAt(), null, null, null, null, null));
    }

    private void investorCreated(ZestEvent event) {
        InvestorCreated data = event.dataAs(InvestorCreated.class);
        ledger.investors().record(List.of(new InvestorMapping(data.partnerInvestorId(), data.zestPersonId(),
                data.email(), data.firstName(), data.lastName())), WEBHOOK_SOURCE);
    }

    private void subscriptionCreated(ZestEvent event) {
        SubscriptionCreated data = event.dataAs(SubscriptionCreated.class);
        Money lumpSum = data.lumpSum();
        ledger.subscriptions().apply(new SubscriptionChange(data.subscriptionSlug(), data.spvSlug(), data.personId(),
                data.partnerSubscriptionId(), null, data.shareClassSlug(), lumpSum == null ? null : lumpSum.currency(),
                lumpSum == null ? null : lumpSum.value(), SubscriptionStep.PENDING, event.occurredAt(), null));
    }

    private void formUploaded(ZestEvent event) {
        SignedSubscriptionFormUploaded data = event.dataAs(SignedSubscriptionFormUploaded.class);
        ledger.subscriptions().apply(SubscriptionChange.of(data.subscriptionSlug(), data.spvSlug(), data.personId(),
                data.partnerInvestorId(), SubscriptionStep.FORM_UPLOADED, event.occurredAt()));
    }

    private void fundingUploaded(ZestEvent event) {
        FundingReceiptUploaded data = event.dataAs(FundingReceiptUploaded.class);
        ledger.subscriptions().apply(SubscriptionChange.of(data.subscriptionSlug(), data.spvSlug(), data.personId(),
                data.partnerInvestorId(), SubscriptionStep.FUNDING_UPLOADED, event.occurredAt()));
    }

    private void subscriptionCompleted(ZestEvent event) {
        SubscriptionCompleted data = event.dataAs(SubscriptionCompleted.class);
        ledger.subscriptions().apply(SubscriptionChange.of(data.subscriptionSlug(), data.spvSlug(), data.personId(),
                data.partnerInvestorId(), SubscriptionStep.COMPLETED, event.occurredAt())
                .withPartnerSubscriptionId(data.partnerSubscriptionId()));
    }
}
