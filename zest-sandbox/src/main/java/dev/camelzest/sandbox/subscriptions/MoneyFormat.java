package dev.camelzest.sandbox.subscriptions;

import java.math.BigDecimal;
import java.util.Currency;

/** The shapes of Zest's money fields: ISO 4217 currency codes and positive decimal strings. */
public final class MoneyFormat {

    private MoneyFormat() {
    }

    public static boolean isCurrency(String code) {
        try {
            return code != null && code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean isPositiveDecimal(String text) {
        try {
            return text != null && new BigDecimal(text).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
