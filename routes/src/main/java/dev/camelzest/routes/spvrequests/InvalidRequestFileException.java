package dev.camelzest.routes.spvrequests;

import java.util.List;

/** A request file that cannot be sent: every problem found, for the report written next to it. */
public class InvalidRequestFileException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidRequestFileException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
