package dev.camelzest.routes.filedrop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
        this.calls = toSend.isEmpty() ? List.of() : flow.calls(toSend).stream().map(Call::new).toList();
    }

    @Override
    public Iterator<Call<O>> iterator() {
        return calls.iterator();
    }

    /** The batch's place in its file, from 0: batches are recorded in this order. */
    long sequence() {
        return sequence;
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

    /** Every row's outcome, in file order: settled by the checks, or answered by its call. */
    List<O> outcomes() {
        Map<Long, O> answered = new HashMap<>();
        calls.forEach(call -> call.outcomes().forEach(outcome -> answered.put(outcome.rowNumber(), outcome)));
        List<O> outcomes = new ArrayList<>(rows.size());
        for (Checked<R, O> checked : rows) {
            O outcome = checked.isToSend() ? answered.get(checked.row().rowNumber()) : checked.settled();
            if (outcome == null) {
                throw new IllegalStateException("Row " + checked.row().rowNumber() + " was sent but its call "
                        + "gave it no outcome");
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
