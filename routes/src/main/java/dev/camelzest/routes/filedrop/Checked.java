package dev.camelzest.routes.filedrop;

/**
 * A row after the flow's checks: either to be sent ({@code settled} null; {@code row} may carry what the check
 * resolved, such as a person id) or already settled locally (invalid, unknown investor, known before).
 */
public record Checked<R, O>(R row, O settled) {

    public static <R, O> Checked<R, O> toSend(R row) {
        return new Checked<>(row, null);
    }

    public static <R, O> Checked<R, O> settled(R row, O outcome) {
        return new Checked<>(row, outcome);
    }

    public boolean isToSend() {
        return settled == null;
    }
}
