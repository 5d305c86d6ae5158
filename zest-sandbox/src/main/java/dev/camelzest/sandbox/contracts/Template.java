package dev.camelzest.sandbox.contracts;

import java.util.Map;

/** A contract template ready to validate an SPV request's attributes. */
public record Template(String name, String version, Map<String, Rule> attributes) {
}
