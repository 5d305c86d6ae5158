package dev.camelzest.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camelzest.routes.ledger.WebhookEventLedger.DeliveryClaim;
import org.junit.jupiter.api.Test;

/** What every ledger database must do; run against H2 and PostgreSQL. */
abstract class LedgerContract {

    /** A ledger on an empty database, opened (and migrated) for one test. */
    abstract Ledger openLedger();

    @Test
    void migrationsCreateTheTablesOnce() throws Exception {
        try (Ledger ledger = openLedger()) {
            assertThat(appliedMigrations(ledger)).containsExactly("1", "2", "3", "4", "5", "6");
        }
        try (Ledger reopened = openLedger()) {
            assertThat(appliedMigrations(reopened)).containsExactly("1", "2", "3", "4", "5", "6");
        }
    }

    @Test
    void remembersWhichFileCreatedEachInvestor() {
        try (Ledger ledger = openLedger()) {
            InvestorLedger investors = ledger.investors();
            List<InvestorMapping> batch = List.of(
                    new InvestorMapping("acme-1", "psn_a1", "a1@example.com", "Ann", "One"),
                    new InvestorMapping("acme-2", "psn_a2", "a2@example.com", "Bob", "Two"));
            assertThat(investors.record(batch, "monday.csv", "file-a", Set.of("acme-1", "acme-2"))).isEmpty();

            assertThat(investors.record(batch, "monday.csv", "file-a", Set.of()))
                    .as("the same file again, Zest answering already_exists").containsOnly("acme-1", "acme-2");
            assertThat(investors.record(batch, "tuesday.csv", "file-b", Set.of())).as("another file").isEmpty();
            assertThat(investors.record(batch, "monday.csv", "file-a", Set.of()))
                    .as("the first creator stays").containsOnly("acme-1", "acme-2");

            InvestorMapping fromWebhook = new InvestorMapping("acme-3", "psn_a3", "a3@example.com", "Cy", "Three");
            investors.record(List.of(fromWebhook), null);
            assertThat(investors.record(List.of(fromWebhook), "wednesday.csv", "file-c", Set.of("acme-3"))).isEmpty();
            assertThat(investors.record(List.of(fromWebhook), "wednesday.csv", "file-c", Set.of()))
                    .as("recorded by a webhook first, created by this file's import").containsOnly("acme-3");
        }
    }

    @Test
    void recordsAndResolvesInvestors() {
        try (Ledger ledger = openLedger()) {
            InvestorLedger investors = ledger.investors();
            investors.record(List.of(
                    new InvestorMapping("acme-1", "psn_a1", "a1@example.com", "Ann", "One"),
                    new InvestorMapping("acme-2", "psn_a2", "a2@example.com", "Bob", "Two")), "monday.csv");

            assertThat(investors.zestPersonId("acme-1")).contains("psn_a1");
            assertThat(investors.zestPersonId("acme-2")).contains("psn_a2");
            assertThat(investors.zestPersonId("acme-3")).isEmpty();
            assertThat(investors.count()).isEqualTo(2);
        }
    }

    @Test
    void aBatchLargerThanOneInsertStatementIsRecordedWhole() {
        try (Ledger ledger = openLedger()) {
            InvestorLedger investors = ledger.investors();
            List<InvestorMapping> batch = new ArrayList<>();
            for (int i = 1; i <= 1_201; i++) {
                batch.add(new InvestorMapping("acme-" + i, "psn_" + i, i + "@example.com", "Ann", "No. " + i));
            }
            investors.record(batch, "big.csv");

            assertThat(investors.count()).isEqualTo(1_201);
            assertThat(investors.zestPersonId("acme-1")).contains("psn_1");
            assertThat(investors.zestPersonId("acme-501")).contains("psn_501");
            assertThat(investors.zestPersonId("acme-1201")).contains("psn_1201");
        }
    }

    @Test
    void recordingAgainUpdatesInsteadOfDuplicating() throws Exception {
        try (Ledger ledger = openLedger()) {
            InvestorLedger investors = ledger.investors();
            investors.record(List.of(new InvestorMapping("acme-1", "psn_a1", "a1@example.com", "Ann", "One")),
                    "monday.csv");
            investors.record(List.of(new InvestorMapping("acme-1", "psn_a1", "ann@example.com", "Ann", "One"),
                    new InvestorMapping("acme-4", "psn_a4", "a4@example.com", "Dee", "Four")), "tuesday.csv");

            assertThat(investors.count()).isEqualTo(2);
            assertThat(investors.zestPersonId("acme-1")).contains("psn_a1");
            assertThat(investorRow(ledger, "acme-1")).containsExactly("psn_a1", "ann@example.com", "tuesday.csv");
            assertThat(investorRow(ledger, "acme-4")).containsExactly("psn_a4", "a4@example.com", "tuesday.csv");
        }
    }

    /** What the ledger holds for an investor, read back with SQL: person id, email and the file it came from. */
    private static List<String> investorRow(Ledger ledger, String partnerInvestorId) throws Exception {
        try (Connection connection = ledger.dataSource().getConnection();
                var query = connection.prepareStatement(
                        "SELECT zest_person_id, email, source_file FROM investors WHERE partner_investor_id = ?")) {
            query.setString(1, partnerInvestorId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a row for " + partnerInvestorId).isTrue();
                return List.of(row.getString(1), row.getString(2), row.getString(3));
            }
        }
    }

    @Test
    void aFailedBatchLeavesNothingBehind() {
        try (Ledger ledger = openLedger()) {
            InvestorLedger investors = ledger.investors();
            String tooLong = "x".repeat(300);
            assertThatThrownBy(() -> investors.record(List.of(
                    new InvestorMapping("acme-1", "psn_a1", "a1@example.com", "Ann", "One"),
                    new InvestorMapping(tooLong, "psn_x", "x@example.com", "X", "X")), "bad.csv"))
                    .isInstanceOf(LedgerException.class);
            assertThat(investors.count()).isZero();
        }
    }

    private static final Instant T0 = Instant.parse("2026-05-07T12:00:00.123Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    @Test
    void anSpvRequestNeverMovesBackToAnOlderState() {
        try (Ledger ledger = openLedger()) {
            SpvRequestLedger requests = ledger.spvRequests();
            SpvRequestState pending = spvState("pending-review", T0, null);
            SpvRequestState approved = spvState("approved", T0.plusSeconds(60), "veh_1");
            requests.apply(approved);
            requests.recordSubmitted(pending, "deal-7", "deal-7.json");
            requests.apply(pending);

            SpvRequestRecord held = requests.byLocalId("deal-7").orElseThrow();
            assertThat(held.status()).isEqualTo("approved");
            assertThat(held.vehicleSlug()).isEqualTo("veh_1");
            assertThat(held.occurredAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(held.sourceFile()).isEqualTo("deal-7.json");
            assertThat(requests.pendingSlugs()).isEmpty();
        }
    }

    @Test
    void aTerminalSpvStateWinsATieAndPendingOnesAreListed() {
        try (Ledger ledger = openLedger()) {
            SpvRequestLedger requests = ledger.spvRequests();
            requests.apply(spvState("cancelled", T0, null));
            requests.apply(spvState("pending-review", T0, null));
            requests.apply(new SpvRequestState("svr_2", "pending-review", "t", "1.0.0", T0, null, null, null, null,
                    null));

            assertThat(requests.bySlug("svr_1").orElseThrow().status()).isEqualTo("cancelled");
            assertThat(requests.pendingSlugs()).containsExactly("svr_2");
        }
    }

    @Test
    void shuffledSubscriptionStepsEndInTheLatestStateWithEveryStepTime() {
        SubscriptionChange created = new SubscriptionChange("sub_1", "veh_1", "psn_1", null, null, "sc_a", "USD",
                "100.00", SubscriptionStep.PENDING, T0, "subs.csv");
        List<SubscriptionChange> steps = new ArrayList<>(List.of(created,
                created.at(SubscriptionStep.FORM_UPLOADED, T0.plusSeconds(10)),
                created.at(SubscriptionStep.FUNDING_UPLOADED, T0.plusSeconds(20)),
                SubscriptionChange.of("sub_1", "veh_1", "psn_1", "acme-1", SubscriptionStep.COMPLETED,
                        T0.plusSeconds(30)).withPartnerSubscriptionId("acme-sub-1")));
        for (long seed = 0; seed < 5; seed++) {
            try (Ledger ledger = openLedger()) {
                Collections.shuffle(steps, new java.util.Random(seed));
                steps.forEach(ledger.subscriptions()::apply);
                steps.forEach(ledger.subscriptions()::apply);

                SubscriptionRecord held = ledger.subscriptions().bySlug("sub_1").orElseThrow();
                assertThat(held.status()).isEqualTo("completed");
                assertThat(held.formUploadedAt()).isEqualTo(T0.plusSeconds(10));
                assertThat(held.fundingUploadedAt()).isEqualTo(T0.plusSeconds(20));
                assertThat(held.completedAt()).isEqualTo(T0.plusSeconds(30));
                assertThat(held.partnerSubscriptionId()).isEqualTo("acme-sub-1");
                assertThat(held.partnerInvestorId()).isEqualTo("acme-1");
                assertThat(ledger.subscriptions().byInvestment("veh_1", "psn_1")).contains(held);
            }
            emptyTables();
        }
    }

    /**
     * The subscriptions route and the subscription.created webhook record the same new subscription at the same
     * moment (and likewise an SPV request and an event): every writer succeeds, no unique-key error comes out.
     */
    @Test
    void concurrentWritersOfTheSameNewRowsAllSucceed() throws Exception {
        int rows = 40;
        int writers = 4;
        try (Ledger ledger = openLedger()) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                for (int row = 0; row < rows; row++) {
                    String slug = "sub_" + row;
                    CyclicBarrier together = new CyclicBarrier(writers);
                    List<Future<?>> writes = new ArrayList<>();
                    for (int writer = 0; writer < writers; writer++) {
                        SubscriptionStep step = SubscriptionStep.values()[writer % SubscriptionStep.values().length];
                        writes.add(pool.submit(() -> {
                            together.await(10, TimeUnit.SECONDS);
                            ledger.subscriptions().apply(SubscriptionChange.of(slug, "veh_1", "psn_" + slug, null,
                                    step, T0));
                            ledger.spvRequests().apply(new SpvRequestState("svr_" + slug, "pending-review", "t",
                                    "1.0.0", T0, null, null, null, null, null));
                            ledger.webhookEvents().received("wde_" + slug, "subscription.created", T0);
                            return null;
                        }));
                    }
                    for (Future<?> write : writes) {
                        write.get(30, TimeUnit.SECONDS);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(ledger.webhookEvents().count()).isEqualTo(rows);
            assertThat(ledger.spvRequests().pendingSlugs()).hasSize(rows);
            assertThat(ledger.subscriptions().bySlug("sub_0").orElseThrow().status())
                    .isEqualTo(SubscriptionStep.values()[writers - 1].status());
        }
    }

    /**
     * The investor import records a batch while the investor.created webhooks of the same investors record them one
     * by one: whoever inserts first, the other meets a unique key and must merge, not fail.
     */
    @Test
    void theImportAndTheWebhookRecordingTheSameInvestorsAtOnceBothSucceed() throws Exception {
        int rounds = 10;
        int batch = 50;
        try (Ledger ledger = openLedger()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < rounds; round++) {
                    List<InvestorMapping> mappings = new ArrayList<>();
                    for (int i = 0; i < batch; i++) {
                        String id = "acme-" + round + "-" + i;
                        mappings.add(new InvestorMapping(id, "psn_" + round + "_" + i, id + "@example.com", "A", "B"));
                    }
                    List<InvestorMapping> webhookOrder = new ArrayList<>(mappings);
                    Collections.reverse(webhookOrder);
                    CyclicBarrier together = new CyclicBarrier(2);
                    Future<?> importer = pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        ledger.investors().record(mappings, "monday.csv");
                        return null;
                    });
                    Future<?> webhook = pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        for (InvestorMapping mapping : webhookOrder) {
                            ledger.investors().record(List.of(mapping), "webhook");
                        }
                        return null;
                    });
                    importer.get(30, TimeUnit.SECONDS);
                    webhook.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(ledger.investors().count()).isEqualTo(rounds * batch);
            assertThat(ledger.investors().zestPersonId("acme-0-0")).contains("psn_0_0");
            assertThat(ledger.investors().zestPersonId("acme-9-49")).contains("psn_9_49");
        }
    }

    @Test
    void anUndatedReplyNeverOverridesADatedStep() {
        try (Ledger ledger = openLedger()) {
            SubscriptionChange reply = new SubscriptionChange("sub_1", "veh_1", "psn_1", "acme-sub-1", "acme-1",
                    "sc_a", "USD", "100.00", SubscriptionStep.PENDING, null, "subs.csv");
            ledger.subscriptions().apply(reply.at(SubscriptionStep.FORM_UPLOADED, T0));
            ledger.subscriptions().apply(reply);

            SubscriptionRecord held = ledger.subscriptions().byPartnerSubscriptionId("acme-sub-1").orElseThrow();
            assertThat(held.status()).isEqualTo("form_uploaded");
        }
    }

    @Test
    void onlyAKnownSubscriptionWithoutItsFormAwaitsIt() {
        try (Ledger ledger = openLedger()) {
            SubscriptionLedger subscriptions = ledger.subscriptions();
            subscriptions.apply(SubscriptionChange.of("sub_1", "veh_1", "psn_1", null, SubscriptionStep.PENDING, T0));
            assertThat(subscriptions.awaitsForm("veh_1", "psn_1")).isTrue();
            assertThat(subscriptions.awaitsForm("veh_1", "psn_2")).isFalse();

            subscriptions.apply(SubscriptionChange.of("sub_1", "veh_1", "psn_1", null, SubscriptionStep.FORM_UPLOADED,
                    T0.plusSeconds(1)));
            assertThat(subscriptions.awaitsForm("veh_1", "psn_1")).isFalse();
        }
    }

    @Test
    void webhookEventsAreRecordedOnceWithTheirDelivery() {
        try (Ledger ledger = openLedger()) {
            WebhookEventLedger events = ledger.webhookEvents();
            events.received("wde_1", "spv_request.created", T0);
            events.received("wde_1", "spv_request.created", T0);
            assertThat(events.count()).isEqualTo(1);
            assertThat(events.byId("wde_1").orElseThrow().delivered()).isFalse();

            events.deadLettered("wde_1");
            assertThat(events.byId("wde_1").orElseThrow().deadLetteredAt()).isNotNull();
            events.delivered("wde_1");
            WebhookEventLedger.EventRecord held = events.byId("wde_1").orElseThrow();
            assertThat(held.delivered()).isTrue();
            assertThat(held.deadLetteredAt()).isNull();
            assertThat(held.occurredAt()).isEqualTo(T0);
        }
    }

    @Test
    void aDeliveryIsClaimedOnceUntilItEndsOrItsLeasePasses() throws Exception {
        try (Ledger ledger = openLedger()) {
            WebhookEventLedger events = ledger.webhookEvents();
            events.received("wde_1", "spv_request.created", T0);

            assertThat(events.claimDelivery("wde_1", LEASE)).isEqualTo(DeliveryClaim.CLAIMED);
            assertThat(events.claimDelivery("wde_1", LEASE)).isEqualTo(DeliveryClaim.BEING_DELIVERED);
            events.deadLettered("wde_1");
            assertThat(events.claimDelivery("wde_1", LEASE)).as("a replay after the dead letter")
                    .isEqualTo(DeliveryClaim.CLAIMED);
            claimedLongAgo(ledger, "wde_1");
            assertThat(events.claimDelivery("wde_1", LEASE)).as("the claim of an instance that died")
                    .isEqualTo(DeliveryClaim.CLAIMED);
            assertThat(events.delivered("wde_1")).isTrue();
            assertThat(events.claimDelivery("wde_1", LEASE)).isEqualTo(DeliveryClaim.DELIVERED_ALREADY);
            assertThat(events.delivered("wde_1")).as("a second delivered mark loses").isFalse();
        }
    }

    /** Two instances (or an instance and a replay) about to deliver the same event: exactly one of them may. */
    @Test
    void ofConcurrentClaimsOfOneDeliveryExactlyOneWins() throws Exception {
        int events = 30;
        int claimers = 4;
        try (Ledger ledger = openLedger()) {
            ExecutorService pool = Executors.newFixedThreadPool(claimers);
            try {
                for (int event = 0; event < events; event++) {
                    String eventId = "wde_" + event;
                    ledger.webhookEvents().received(eventId, "subscription.created", T0);
                    CyclicBarrier together = new CyclicBarrier(claimers);
                    List<Future<DeliveryClaim>> claims = new ArrayList<>();
                    for (int claimer = 0; claimer < claimers; claimer++) {
                        claims.add(pool.submit(() -> {
                            together.await(10, TimeUnit.SECONDS);
                            return ledger.webhookEvents().claimDelivery(eventId, LEASE);
                        }));
                    }
                    List<DeliveryClaim> answers = new ArrayList<>();
                    for (Future<DeliveryClaim> claim : claims) {
                        answers.add(claim.get(30, TimeUnit.SECONDS));
                    }
                    assertThat(answers).as(eventId).containsOnlyOnce(DeliveryClaim.CLAIMED)
                            .containsOnly(DeliveryClaim.CLAIMED, DeliveryClaim.BEING_DELIVERED);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void claimedLongAgo(Ledger ledger, String eventId) throws Exception {
        try (Connection connection = ledger.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE webhook_events SET delivery_claimed_at = ? WHERE event_id = ?")) {
            update.setObject(1, T0.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            update.setString(2, eventId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static SpvRequestState spvState(String status, Instant occurredAt, String vehicleSlug) {
        return new SpvRequestState("svr_1", status, "syndicate_secondary", "1.0.0", occurredAt,
                vehicleSlug == null ? null : "opp_1", vehicleSlug, null, null, null);
    }

    /** Between the runs of one test: a fresh database. */
    void emptyTables() {
        try (Ledger ledger = openLedger(); Connection connection = ledger.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM subscriptions");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> appliedMigrations(Ledger ledger) throws Exception {
        try (Connection connection = ledger.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }
}
