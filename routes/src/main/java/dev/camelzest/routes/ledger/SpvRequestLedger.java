package dev.camelzest.routes.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The {@code spv_requests} table. A state is applied only when it is newer than the one held (by Zest's
 * {@code occurredAt}; within the same instant a terminal state wins), so a late or repeated webhook never moves a
 * request backwards. The condition is in the SQL itself, so concurrent writers cannot interleave around it.
 */
public final class SpvRequestLedger {

    private static final String INSERTED = """
            slug, status, status_rank, occurred_at, template_id, template_version,
            opportunity_slug, vehicle_slug, sp_slug, spc_slug, rejection_reason""";

    private static final String PARAMETERS = """
            CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS INTEGER), CAST(? AS TIMESTAMP WITH TIME ZONE),
            CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
            CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR)""";

    /** Whether the state {@code %1$s} is newer than the row held ({@code t}). */
    private static final String NEWER = """
            (t.occurred_at IS NULL OR t.occurred_at < %1$s.occurred_at
             OR (t.occurred_at = %1$s.occurred_at AND t.status_rank < %1$s.status_rank))""";

    private static final String UPDATE = """
            status = %1$s.status, status_rank = %1$s.status_rank, occurred_at = %1$s.occurred_at,
            template_id = COALESCE(%1$s.template_id, t.template_id),
            template_version = COALESCE(%1$s.template_version, t.template_version),
            opportunity_slug = COALESCE(%1$s.opportunity_slug, t.opportunity_slug),
            vehicle_slug = COALESCE(%1$s.vehicle_slug, t.vehicle_slug),
            sp_slug = COALESCE(%1$s.sp_slug, t.sp_slug),
            spc_slug = COALESCE(%1$s.spc_slug, t.spc_slug),
            rejection_reason = COALESCE(%1$s.rejection_reason, t.rejection_reason),
            updated_at = CURRENT_TIMESTAMP""";

    private static final Upsert APPLY = new Upsert("""
            MERGE INTO spv_requests t
            USING (VALUES (%1$s)) AS s (%2$s)
            ON t.slug = s.slug
            WHEN MATCHED AND %3$s THEN UPDATE SET %4$s
            WHEN NOT MATCHED THEN INSERT (%2$s, created_at, updated_at)
                VALUES (s.slug, s.status, s.status_rank, s.occurred_at, s.template_id, s.template_version,
                        s.opportunity_slug, s.vehicle_slug, s.sp_slug, s.spc_slug, s.rejection_reason,
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            """.formatted(PARAMETERS, INSERTED, NEWER.formatted("s"), UPDATE.formatted("s")), """
            INSERT INTO spv_requests AS t (%2$s, created_at, updated_at)
            VALUES (%1$s, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            ON CONFLICT (slug) DO UPDATE SET %4$s
            WHERE %3$s
            """.formatted(PARAMETERS, INSERTED, NEWER.formatted("EXCLUDED"), UPDATE.formatted("EXCLUDED")));

    private static final String COLUMNS = "slug, local_id, status, occurred_at, opportunity_slug, vehicle_slug, "
            + "sp_slug, spc_slug, rejection_reason, source_file";

    private final Jdbc jdbc;

    public SpvRequestLedger(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Records Zest's state of a request, unless the ledger already holds a newer one. */
    public void apply(SpvRequestState state) {
        jdbc.upsert("record SPV request " + state.slug(), APPLY, state.slug(), state.status(), state.rank(),
                Jdbc.time(state.occurredAt()), state.templateId(), state.templateVersion(), state.opportunitySlug(),
                state.vehicleSlug(), state.spSlug(), state.spcSlug(), state.rejectionReason());
    }

    /** Records a request this partner submitted: its state, and the local id and file it came from. */
    public void recordSubmitted(SpvRequestState state, String localId, String sourceFile) {
        apply(state);
        jdbc.update("link SPV request " + state.slug() + " to " + localId,
                "UPDATE spv_requests SET local_id = ?, source_file = ?, updated_at = CURRENT_TIMESTAMP WHERE slug = ?",
                localId, sourceFile, state.slug());
    }

    public Optional<SpvRequestRecord> bySlug(String slug) {
        return jdbc.queryOne("look up SPV request " + slug,
                "SELECT " + COLUMNS + " FROM spv_requests WHERE slug = ?", SpvRequestLedger::record, slug);
    }

    public Optional<SpvRequestRecord> byLocalId(String localId) {
        return jdbc.queryOne("look up SPV request " + localId,
                "SELECT " + COLUMNS + " FROM spv_requests WHERE local_id = ?", SpvRequestLedger::record, localId);
    }

    /** The slugs of the requests still waiting for Zest's review, oldest first. */
    public List<String> pendingSlugs() {
        return jdbc.query("list pending SPV requests",
                "SELECT slug FROM spv_requests WHERE status = 'pending-review' ORDER BY created_at, slug",
                row -> row.getString(1));
    }

    private static SpvRequestRecord record(ResultSet row) throws SQLException {
        return new SpvRequestRecord(row.getString("slug"), row.getString("local_id"), row.getString("status"),
                Jdbc.instant(row, "occurred_at"), row.getString("opportunity_slug"), row.getString("vehicle_slug"),
                row.getString("sp_slug"), row.getString("spc_slug"), row.getString("rejection_reason"),
                row.getString("source_file"));
    }
}
