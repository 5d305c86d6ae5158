package dev.camelzest.routes.testing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.ZestOperation;
import dev.camelzest.component.model.FormUploadResponse;
import dev.camelzest.component.model.FundingUploadResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Zest's form and funding uploads in memory, for route tests while no sandbox serves them: strict order (a funding
 * before its form is 409 conflict), the subscription slug {@code sub_<personId>}. Records each call.
 */
public final class FakeUploadsZest implements Processor {

    /** One upload: the operation, SPV, person and file name. */
    public record Upload(ZestOperation operation, String spvSlug, String personId, String fileName) {
    }

    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final Set<String> forms = ConcurrentHashMap.newKeySet();

    @Override
    public void process(Exchange exchange) throws Exception {
        ZestOperation operation = exchange.getMessage().getHeader(ZestConstants.OPERATION, ZestOperation.class);
        String spvSlug = exchange.getMessage().getHeader(ZestConstants.SPV_SLUG, String.class);
        String personId = exchange.getMessage().getHeader(ZestConstants.PERSON_ID, String.class);
        uploads.add(new Upload(operation, spvSlug, personId,
                exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class)));
        String subscriptionSlug = "sub_" + personId;
        Instant now = Instant.now();
        if (operation == ZestOperation.uploadSubscriptionForm) {
            forms.add(spvSlug + "/" + personId);
            exchange.getMessage().setBody(new FormUploadResponse(subscriptionSlug, spvSlug, personId,
                    "https://storage.example/forms/" + subscriptionSlug, now));
            return;
        }
        if (!forms.contains(spvSlug + "/" + personId)) {
            throw new ZestApiException(operation.name(), 409, "conflict", "err-409", "upload the form first",
                    List.of(), false, null);
        }
        exchange.getMessage().setBody(new FundingUploadResponse(subscriptionSlug, spvSlug, personId,
                "https://storage.example/receipts/" + subscriptionSlug,
                exchange.getMessage().getHeader(ZestConstants.AMOUNT, String.class),
                exchange.getMessage().getHeader(ZestConstants.CURRENCY, String.class),
                exchange.getMessage().getHeader(ZestConstants.WIRE_REFERENCE, String.class), now));
    }

    /** Marks a form as uploaded by someone else (Zest holds it, the ledger does not know). */
    public void formOnRecord(String spvSlug, String personId) {
        forms.add(spvSlug + "/" + personId);
    }

    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }
}
