package dev.camelzest.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import dev.camelzest.routes.ledger.Ledger;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the ledger answers on a connection from its pool. */
final class LedgerHealthCheck extends AbstractHealthCheck {

    private final Ledger ledger;

    LedgerHealthCheck(Ledger ledger) {
        super("camel-zest", "ledger");
        this.ledger = ledger;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try (Connection connection = ledger.dataSource().getConnection()) {
            if (connection.isValid(5)) {
                builder.up();
            } else {
                builder.detail("reason", "connection not valid").down();
            }
        } catch (SQLException e) {
            builder.detail("reason", String.valueOf(e.getMessage())).down();
        }
    }
}
