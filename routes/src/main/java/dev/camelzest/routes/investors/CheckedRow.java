package dev.camelzest.routes.investors;

/** A row after local validation: {@code error} is null when the row may be sent to Zest. */
public record CheckedRow(InvestorRow row, RowError error) {

    public boolean isValid() {
        return error == null;
    }
}
