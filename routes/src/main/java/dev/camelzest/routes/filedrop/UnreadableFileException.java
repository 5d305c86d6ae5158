package dev.camelzest.routes.filedrop;

import java.util.List;

/**
 * A dropped file that cannot be sent as it is: not the format, over a read bound, required columns or fields
 * missing, a name that is not safe. Every flow moves such a file to the error directory with a report of its
 * problems; nothing of it is sent.
 * <p>
 * It carries no cause on purpose: Camel matches exception policies from the root cause up, and a low-level
 * {@code IOException} underneath would be taken for a transient failure.
 */
public class UnreadableFileException extends RuntimeException {

    private final transient List<String> problems;

    public UnreadableFileException(String problem) {
        this(List.of(problem));
    }

    /** Every problem found at once, for the report. */
    public UnreadableFileException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
