package dev.camelzest.routes.ledger;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The embedded default: an H2 file database in the data directory. */
class H2LedgerTest extends LedgerContract {

    @TempDir
    Path dataDirectory;

    @Override
    Ledger openLedger() {
        return Ledger.open(LedgerSettings.embedded(dataDirectory));
    }
}
