package dev.camelzest.routes.investors;

/** The fields of an investor row, named as Zest's {@code InvestorCreateRow} names them. */
public enum InvestorField {
    PARTNER_INVESTOR_ID("partnerInvestorId", true),
    EMAIL("email", true),
    FIRST_NAME("firstName", true),
    LAST_NAME("lastName", true),
    DATE_OF_BIRTH("dateOfBirth", true),
    COUNTRY_OF_RESIDENCE("countryOfResidence", false);

    private final String fieldName;
    private final boolean required;

    InvestorField(String fieldName, boolean required) {
        this.fieldName = fieldName;
        this.required = required;
    }

    public String fieldName() {
        return fieldName;
    }

    public boolean required() {
        return required;
    }

    static InvestorField byName(String fieldName) {
        for (InvestorField field : values()) {
            if (field.fieldName.equalsIgnoreCase(fieldName)) {
                return field;
            }
        }
        throw new IllegalArgumentException("Unknown investor field '" + fieldName + "' in the header mapping; "
                + "known fields: partnerInvestorId, email, firstName, lastName, dateOfBirth, countryOfResidence");
    }
}
