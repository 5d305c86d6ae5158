package dev.camelzest.component.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.camelzest.component.model.event.InvestorCreated;
import org.junit.jupiter.api.Test;

/** Camel prints message bodies in logs (tracer, mock endpoints, exhausted errors): an investor's must not show who. */
class PersonalDataToStringTest {

    @Test
    void anInvestorRowShowsItsIdNotThePerson() {
        InvestorCreateRow row = new InvestorCreateRow("acme-1", "ann@example.com", "Ann", "Lee", "1985-04-12", "AE");

        assertEquals("InvestorCreateRow[partnerInvestorId=acme-1, countryOfResidence=AE]", row.toString());
    }

    @Test
    void anInvestorCreatedEventShowsItsIdsNotThePerson() {
        InvestorCreated event = new InvestorCreated("acme-1", "psn_1", "ann@example.com", "Ann", "Lee", "partner");

        assertEquals("InvestorCreated[partnerInvestorId=acme-1, zestPersonId=psn_1, kycManagedBy=partner]",
                event.toString());
    }
}
