package dev.camelzest.sandbox.contracts;

/** The four kinds of documents of a contract version, named as in their URL paths. */
public enum ContractKind {
    TEMPLATES("templates", "template"),
    CATALOGS("catalogs", "catalog"),
    PRIMITIVES("primitives", "primitive"),
    SAMPLES("samples", "sample");

    private final String plural;
    private final String singular;

    ContractKind(String plural, String singular) {
        this.plural = plural;
        this.singular = singular;
    }

    /** The path segment and the list's JSON field ({@code templates}). */
    public String plural() {
        return plural;
    }

    public String singular() {
        return singular;
    }
}
