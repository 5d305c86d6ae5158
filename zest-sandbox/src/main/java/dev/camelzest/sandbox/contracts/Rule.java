package dev.camelzest.sandbox.contracts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A fully resolved attribute rule: primitives merged in, catalog values and pattern ready to check. */
record Rule(String type, boolean required, List<String> allowedValues, Pattern pattern, String format,
            Integer minLength, Integer maxLength, BigDecimal minValue, BigDecimal maxValue,
            boolean exclusiveMinimum, Map<String, Rule> properties) {
}
