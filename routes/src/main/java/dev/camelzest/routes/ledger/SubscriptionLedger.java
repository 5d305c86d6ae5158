package dev.camelzest.routes.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The {@code subscriptions} table. The status moves only to a newer step (by Zest's {@code occurredAt}; within the
 * same instant the later step wins); the time of each step is a fact kept once known, whatever order the events came
 * in. Both rules are in the one SQL statement.
 */
public final class SubscriptionLedger {

    /** Whether the change ({@code %1$s}, the source row) is newer than the row held ({@code t}). */
    private static final String NEWER = "(t.occurred_at IS NULL OR t.occurred_at < %1$s.occurred_at"
            + " OR (t.occurred_at = %1$s.occurred_at AND t.status_rank < %1$s.status_rank))";

    private static final String INSERTED = """
            subscription_slug, spv_slug, person_id, partner_subscription_id, partner_investor_id,
            share_class_slug, currency, amount, status, status_rank, occurred_at,
            form_uploaded_at, funding_uploaded_at, completed_at, source_file""";

    private static final String PARAMETERS = """
            CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
            CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
            CAST(? AS VARCHAR), CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE),
            CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE),
            CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR)""";

    /** The update of a held row by a change {@code %1$s}: both rules of the class comment. */
    private static final String UPDATE = """
            status = CASE WHEN %2$s THEN %1$s.status ELSE t.status END,
            status_rank = CASE WHEN %2$s THEN %1$s.status_rank ELSE t.status_rank END,
            occurred_at = CASE WHEN %2$s THEN %1$s.occurred_at ELSE t.occurred_at END,
            partner_subscription_id = COALESCE(t.partner_subscription_id, %1$s.partner_subscription_id),
            partner_investor_id = COALESCE(t.partner_investor_id, %1$s.partner_investor_id),
            share_class_slug = COALESCE(t.share_class_slug, %1$s.share_class_slug),
            currency = COALESCE(t.currency, %1$s.currency),
            amount = COALESCE(t.amount, %1$s.amount),
            form_uploaded_at = COALESCE(t.form_uploaded_at, %1$s.form_uploaded_at),
            funding_uploaded_at = COALESCE(t.funding_uploaded_at, %1$s.funding_uploaded_at),
            completed_at = COALESCE(t.completed_at, %1$s.completed_at),
            source_file = COALESCE(t.source_file, %1$s.source_file),
            updated_at = CURRENT_TIMESTAMP""";

    private static final Upsert APPLY = new Upsert("""
            MERGE INTO subscriptions t
            USING (VALUES (%1$s)) AS s (%2$s)
            ON t.subscription_slug = s.subscription_slug
            WHEN MATCHED THEN UPDATE SET %3$s
            WHEN NOT MATCHED THEN INSERT (%2$s, created_at, updated_at)
                VALUES (s.subscription_slug, s.spv_slug, s.person_id, s.partner_subscription_id, s.partner_investor_id,
                        s.share_class_slug, s.currency, s.amount, s.status, s.status_rank, s.occurred_at,
                        s.form_uploaded_at, s.funding_uploaded_at, s.completed_at, s.source_file,
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            """.formatted(PARAMETERS, INSERTED, update("s")), """
            INSERT INTO subscriptions AS t (%2$s, created_at, updated_at)
            VALUES (%1$s, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            ON CONFLICT (subscription_slug) DO UPDATE SET %3$s
            """.formatted(PARAMETERS, INSERTED, update("EXCLUDED")));

    private static final String COLUMNS = "subscription_slug, partner_subscription_id, partner_investor_id, "
            + "person_id, spv_slug, status, occurred_at, form_uploaded_at, funding_uploaded_at, completed_at";

    private final Jdbc jdbc;

    public SubscriptionLedger(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public void apply(SubscriptionChange change) {
        SubscriptionStep step = change.step();
        Object time = Jdbc.time(change.occurredAt());
        Object none = Jdbc.time(null);
        jdbc.upsert("record subscription " + change.subscriptionSlug(), APPLY, change.subscriptionSlug(),
                change.spvSlug(), change.personId(), change.partnerSubscriptionId(), change.partnerInvestorId(),
                change.shareClassSlug(), change.currency(), change.amount(), step.status(), step.ordinal(), time,
                step == SubscriptionStep.FORM_UPLOADED ? time : none,
                step == SubscriptionStep.FUNDING_UPLOADED ? time : none,
                step == SubscriptionStep.COMPLETED ? time : none,
                change.sourceFile());
    }

    public Optional<SubscriptionRecord> bySlug(String subscriptionSlug) {
        return jdbc.queryOne("look up subscription " + subscriptionSlug,
                "SELECT " + COLUMNS + " FROM subscriptions WHERE subscription_slug = ?", SubscriptionLedger::record,
                subscriptionSlug);
    }

    /** The subscription of an investor in an SPV (Zest keeps one per person and SPV). */
    public Optional<SubscriptionRecord> byInvestment(String spvSlug, String personId) {
        return jdbc.queryOne("look up the subscription of " + personId + " in " + spvSlug,
                "SELECT " + COLUMNS + " FROM subscriptions WHERE spv_slug = ? AND person_id = ? ORDER BY created_at",
                SubscriptionLedger::record, spvSlug, personId);
    }

    /**
     * Whether the ledger knows the subscription of an investor in an SPV and holds no signed form for it: a funding
     * receipt for it must wait (Zest takes forms first). An unknown subscription is not known to wait.
     */
    public boolean awaitsForm(String spvSlug, String personId) {
        return byInvestment(spvSlug, personId).map(record -> record.formUploadedAt() == null).orElse(false);
    }

    public Optional<SubscriptionRecord> byPartnerSubscriptionId(String partnerSubscriptionId) {
        return jdbc.queryOne("look up subscription " + partnerSubscriptionId,
                "SELECT " + COLUMNS + " FROM subscriptions WHERE partner_subscription_id = ? ORDER BY created_at",
                SubscriptionLedger::record, partnerSubscriptionId);
    }

    private static String update(String source) {
        return UPDATE.formatted(source, NEWER.formatted(source));
    }

    private static SubscriptionRecord record(ResultSet row) throws SQLException {
        return new SubscriptionRecord(row.getString("subscription_slug"), row.getString("partner_subscription_id"),
                row.getString("partner_investor_id"), row.getString("person_id"), row.getString("spv_slug"),
                row.getString("status"), Jdbc.instant(row, "occurred_at"), Jdbc.instant(row, "form_uploaded_at"),
                Jdbc.instant(row, "funding_uploaded_at"), Jdbc.instant(row, "completed_at"));
    }
}
