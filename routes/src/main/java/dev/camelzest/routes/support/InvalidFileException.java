package dev.camelzest.routes.support;

import java.util.List;

/** A dropped file that cannot be sent: every problem found, for the report written next to it. */
public class InvalidFileException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidFileException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
