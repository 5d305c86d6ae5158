package dev.camelzest.routes.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import dev.camelzest.routes.ledger.InvestorMapping;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.ledger.SubscriptionChange;
import dev.camelzest.routes.ledger.SubscriptionStep;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.SandboxDeals;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents of different investors uploaded at once ({@code maxUploadsInFlight}) to the sandbox with a round trip held
 * back: the uploads overlap, a funding receipt still goes only after its form, and an upload that keeps failing leaves
 * its document in place for a later poll while the others go on.
 */
class DocumentUploadsInFlightTest {

    private static final int INVESTORS = 4;
    private static final int LOTS = 1_000;
    private static final int CREATED = 201;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private Ledger ledger;
    private DefaultCamelContext camel;
    private SandboxDeals.Spv spv;
    private final List<String> persons = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        camel = TemplateCamel.start(ledger, new DocumentTemplates());
        SandboxDeals deals = new SandboxDeals(SANDBOX, camel, temp.resolve("keys"));
        spv = deals.approvedSpv();
        for (int i = 0; i < INVESTORS; i++) {
            String partnerInvestorId = "acme-" + i;
            String person = deals.person(partnerInvestorId);
            String subscription = deals.subscribe(spv, person, "acme-sub-" + i);
            ledger.investors().record(List.of(new InvestorMapping(partnerInvestorId, person,
                    partnerInvestorId + "@example.com", "Ann", "Lee")), "investors.csv");
            ledger.subscriptions().apply(new SubscriptionChange(subscription, spv.slug(), person, "acme-sub-" + i,
                    partnerInvestorId, spv.shareClassSlug(), "USD", "50000.00", SubscriptionStep.PENDING, null,
                    "subscriptions.csv"));
            persons.add(person);
        }
    }

    @AfterEach
    void stop() {
        SANDBOX.admin().clearFaults();
        camel.stop();
        ledger.close();
    }

    @Test
    void differentInvestorsFormsAreUploadedAtOnceAndAReceiptStillFollowsItsForm() throws Exception {
        long roundTripMs = 600;
        SANDBOX.admin().injectFault("POST", "/v1/spvs/**", 0, LOTS, roundTripMs, true);
        Path inbox = documentsRoute();
        Instant dropped = Instant.now().minusSeconds(60);
        // the first investor's receipt is dropped before every form: it must still reach Zest after its form
        dropReceipt(inbox, 0, dropped);
        for (int i = 0; i < INVESTORS; i++) {
            dropForm(inbox, i, dropped.plusSeconds(1 + i));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(inbox.resolve("done/receipt-0.pdf")));
        for (int i = 0; i < INVESTORS; i++) {
            assertThat(inbox.resolve("done/form-" + i + ".pdf")).exists();
        }
        List<RecordedRequest> forms = uploads("forms");
        assertThat(forms).extracting(this::personOf).containsExactlyInAnyOrderElementsOf(persons);
        assertThat(forms).extracting(RecordedRequest::status).containsOnly(CREATED);
        // each upload was held a round trip from its arrival: all arriving within one means all were open at once
        List<Instant> arrivals = forms.stream().map(RecordedRequest::at).sorted().toList();
        assertThat(Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1)))
                .isLessThan(Duration.ofMillis(roundTripMs));
        Instant firstFormSent = forms.stream().filter(form -> personOf(form).equals(persons.get(0)))
                .map(RecordedRequest::at).findFirst().orElseThrow();
        List<RecordedRequest> receipts = uploads("fundings");
        assertThat(receipts).extracting(RecordedRequest::status).containsExactly(CREATED);
        assertThat(receipts.get(0).at()).isAfter(firstFormSent.plusMillis(roundTripMs));
        assertThat(ledger.subscriptions().byInvestment(spv.slug(), persons.get(0)).orElseThrow().status())
                .isEqualTo("funding_uploaded");
    }

    @Test
    void withOneUploadInFlightTheFormsGoOneAfterAnother() throws Exception {
        long roundTripMs = 200;
        SANDBOX.admin().injectFault("POST", "/v1/spvs/**", 0, LOTS, roundTripMs, true);
        Path inbox = documentsRoute("maxUploadsInFlight", "1");
        Instant dropped = Instant.now().minusSeconds(60);
        for (int i = 0; i < INVESTORS; i++) {
            dropForm(inbox, i, dropped.plusSeconds(i));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> uploads("forms").size() == INVESTORS);
        List<Instant> arrivals = uploads("forms").stream().map(RecordedRequest::at).sorted().toList();
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.between(arrivals.get(i - 1), arrivals.get(i)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(roundTripMs));
        }
    }

    @Test
    void anUploadThatKeepsFailingStaysForALaterPollWhileTheOthersGoOn() throws Exception {
        String failing = persons.get(1);
        // the first attempt and its one retry fail; the next poll's attempt is answered
        SANDBOX.admin().injectFault("POST", "/v1/spvs/" + spv.slug() + "/subscription/" + failing + "/forms", 503, 2,
                0, false);
        Path inbox = documentsRoute("maximumRedeliveries", "1", "redeliveryDelay", "50");
        Instant dropped = Instant.now().minusSeconds(60);
        for (int i = 0; i < INVESTORS; i++) {
            dropForm(inbox, i, dropped.plusSeconds(i));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(inbox.resolve("done/form-1.pdf")));
        for (int i = 0; i < INVESTORS; i++) {
            assertThat(inbox.resolve("done/form-" + i + ".pdf")).exists();
            assertThat(ledger.subscriptions().byInvestment(spv.slug(), persons.get(i)).orElseThrow().status())
                    .isEqualTo("form_uploaded");
        }
        List<RecordedRequest> forms = uploads("forms");
        assertThat(forms.stream().filter(form -> personOf(form).equals(failing)))
                .extracting(RecordedRequest::status).containsExactly(503, 503, CREATED);
        assertThat(forms.stream().filter(form -> form.status() == CREATED)).hasSize(INVESTORS);
        assertThat(inbox.resolve("error")).doesNotExist();
    }

    /**
     * The documents route; the files are dropped a minute old and {@code readLockMinAge} takes such a file at once:
     * Camel's changed read lock otherwise watches each file for a check interval on the polling thread, one file
     * after the other, which would space the uploads out by itself.
     */
    private Path documentsRoute(String... parameters) throws Exception {
        List<String> all = new ArrayList<>(List.of("readLockMinAge", "1000"));
        all.addAll(List.of(parameters));
        return DocumentUploadTemplatesTest.fileDocuments(SANDBOX, camel, temp, all.toArray(String[]::new));
    }

    private void dropForm(Path inbox, int investor, Instant modified) throws Exception {
        InvestorFiles.drop(inbox, "form-" + investor + ".pdf.manifest.csv",
                "type,spvSlug,partnerInvestorId\nform," + spv.slug() + ",acme-" + investor + "\n");
        DocumentUploadTemplatesTest.dropDocument(inbox, "form-" + investor + ".pdf", modified);
    }

    private void dropReceipt(Path inbox, int investor, Instant modified) throws Exception {
        InvestorFiles.drop(inbox, "receipt-" + investor + ".pdf.manifest.json", "{\"type\": \"funding\", \"spvSlug\": \""
                + spv.slug() + "\", \"partnerInvestorId\": \"acme-" + investor + "\", \"amount\": \"50000.00\","
                + " \"currency\": \"USD\", \"wireReference\": \"W-" + investor + "\"}");
        DocumentUploadTemplatesTest.dropDocument(inbox, "receipt-" + investor + ".pdf", modified);
    }

    private String personOf(RecordedRequest upload) {
        Matcher matcher = DocumentUploadTemplatesTest.UPLOAD_PATH.matcher(upload.path());
        return matcher.matches() ? matcher.group(1) : "";
    }

    /** The sandbox's {@code forms} or {@code fundings} uploads, in the order it answered them. */
    private static List<RecordedRequest> uploads(String kind) {
        return SANDBOX.admin().requests().stream()
                .filter(request -> {
                    Matcher matcher = DocumentUploadTemplatesTest.UPLOAD_PATH.matcher(request.path());
                    return matcher.matches() && matcher.group(2).equals(kind);
                })
                .toList();
    }
}
