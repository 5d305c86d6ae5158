package dev.camelzest.routes.subscriptions;

import dev.camelzest.routes.filedrop.DropRow;
import dev.camelzest.routes.filedrop.RowError;

/**
 * One data row of a subscriptions file, numbered from 1; the investor is a partnerInvestorId or a zestPersonId
 * (which the row check fills in from the ledger for a partnerInvestorId).
 *
 * @param readError set when the row itself could not be read (bytes not valid in the file's character set)
 */
public record SubscriptionRow(long rowNumber, String spvSlug, String partnerInvestorId, String zestPersonId,
        String amount, String currency, String shareClassSlug, String partnerSubscriptionId, RowError readError)
        implements DropRow {

    SubscriptionRow withPerson(String personId) {
        return new SubscriptionRow(rowNumber, spvSlug, partnerInvestorId, personId, amount, currency, shareClassSlug,
                partnerSubscriptionId, readError);
    }
}
