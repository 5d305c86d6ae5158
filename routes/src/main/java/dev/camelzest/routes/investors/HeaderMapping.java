package dev.camelzest.routes.investors;

import java.util.EnumMap;
import java.util.Map;

/**
 * Which input column (CSV header, JSON Lines key) holds which investor field, for partners whose column names
 * differ from Zest's. Written {@code field=Column Name} pairs separated by commas, for example
 * {@code partnerInvestorId=Client Ref,email=E-mail}; unmapped fields keep their own name. Column names are matched
 * ignoring case and surrounding spaces.
 */
public final class HeaderMapping {

    private final Map<InvestorField, String> columns = new EnumMap<>(InvestorField.class);

    private HeaderMapping() {
        for (InvestorField field : InvestorField.values()) {
            columns.put(field, field.fieldName());
        }
    }

    public static HeaderMapping identity() {
        return new HeaderMapping();
    }

    public static HeaderMapping parse(String spec) {
        HeaderMapping mapping = new HeaderMapping();
        if (spec == null || spec.isBlank()) {
            return mapping;
        }
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException(
                        "Header mapping entries are field=Column Name, got '" + pair.trim() + "'");
            }
            mapping.columns.put(InvestorField.byName(pair.substring(0, eq).trim()), pair.substring(eq + 1).trim());
        }
        return mapping;
    }

    public String column(InvestorField field) {
        return columns.get(field);
    }
}
