package dev.camelzest.routes.investors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelzest.routes.ledger.InvestorMapping;
import org.junit.jupiter.api.Test;

/** Rows and ledger mappings reach log lines through Camel's bodies: they name the investor's ids, not the person. */
class InvestorPersonalDataTest {

    @Test
    void aRowReadFromAFileShowsItsNumberAndIdOnly() {
        InvestorRow row = new InvestorRow(7, "acme-7", "ann@example.com", "Ann", "Lee", "1985-04-12", "AE", null);

        assertThat(row.toString()).isEqualTo(
                "InvestorRow[rowNumber=7, partnerInvestorId=acme-7, countryOfResidence=AE, readError=null]");
    }

    @Test
    void aLedgerMappingShowsItsIdsOnly() {
        InvestorMapping mapping = new InvestorMapping("acme-7", "psn_7", "ann@example.com", "Ann", "Lee");

        assertThat(mapping.toString()).isEqualTo("InvestorMapping[partnerInvestorId=acme-7, zestPersonId=psn_7]");
    }
}
