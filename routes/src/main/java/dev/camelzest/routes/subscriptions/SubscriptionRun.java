package dev.camelzest.routes.subscriptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One subscriptions file being imported: a result per row, in row order, and the batches still to send. */
final class SubscriptionRun {

    private final String fileName;
    private final Map<Long, SubscriptionRowResult> results = new LinkedHashMap<>();
    private final List<SubscriptionRow> rows;
    private final List<SpvBatch> batches = new ArrayList<>();

    SubscriptionRun(String fileName, List<SubscriptionRow> rows) {
        this.fileName = fileName;
        this.rows = rows;
    }

    String fileName() {
        return fileName;
    }

    void result(SubscriptionRowResult result) {
        results.put(result.row().rowNumber(), result);
    }

    void batch(SpvBatch batch) {
        batches.add(batch);
    }

    List<SpvBatch> batches() {
        return batches;
    }

    /** Every row's result, in row order. */
    List<SubscriptionRowResult> results() {
        return rows.stream().map(row -> results.get(row.rowNumber())).toList();
    }
}
