package dev.camelzest.routes.filedrop;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One batch of a file's rows, checked, with the calls that send those to be sent: the body of a batch exchange,
 * whose calls the route sends one after the other (it iterates as its calls); {@link #outcomes()} is every row's
 * outcome, in file order, once the calls are answered.
 */
public final class Batch<R extends DropRow, O extends RowOutcome> implements Iterable<Call<O>> {

    private final long sequence;
    private final List<Checked<R, O>> rows;
    private final List<R> toSend;
    private final List<Call<O>> calls;

    Batch(long sequence, List<Checked<R, O>> rows, FileDropFlow<R, O> flow) {
        this.sequence = sequence;
        this.rows = rows;
        this.toSend = rows.stream().filter(Checked::isToSend).map(Checked::row).toList();
        List<ZestCall<O>> flowCalls = toSend.isEmpty() ? List.of() : flow.calls(toSend);
        this.calls = IntStream.range(0, flowCalls.size())
                .mapToObj(position -> new Call<>(flowCalls.get(position), sequence, position)).toList();
    }

    @Override
    public Iterator<Call<O>> iterator() {
        return calls.iterator();
    }

    /** The batch's place in its file, from 0: batches are recorded in this order. */
    long sequence() {
        return sequence;
    }

    /** {@code 201-300}: the numbers of the batch's first and last rows, for its log lines. */
    String rowRange() {
        return rows.isEmpty() ? "" : rows.get(0).row().rowNumber() + "-" + rows.get(rows.size() - 1).row().rowNumber();
    }

    int size() {
        return rows.size();
    }

    int sentRows() {
        return toSend.size();
    }

    List<R> rows() {
        return rows.stream().map(Checked::row).toList();
    }

    /**
     * Every row's outcome, in file order: settled by the checks, or answered by its call. A batch's rows are
     * numbered one after the other, so an answer finds its row by its number, without a map per batch.
     */
    List<O> outcomes() {
        long first = rows.isEmpty() ? 0 : rows.get(0).row().rowNumber();
        @SuppressWarnings("unchecked")
        O[] answered = (O[]) new RowOutcome[rows.size()];
        for (Call<O> call : calls) {
            for (O outcome : call.outcomes()) {
                long index = outcome.rowNumber() - first;
                if (index < 0 || index >= answered.length) {
                    throw new IllegalStateException("Zest answered row " + outcome.rowNumber()
                            + ", which is not in the batch of rows " + first + " to " + (first + rows.size() - 1));
                }
                answered[(int) index] = outcome;
            }
        }
        List<O> outcomes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Checked<R, O> checked = rows.get(i);
            O outcome = checked.isToSend() ? answered[i] : checked.settled();
            if (outcome == null) {
                throw new IllegalStateException("Row " + checked.row().rowNumber() + " was sent but its call "
                        + "gave it no outcome");
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
