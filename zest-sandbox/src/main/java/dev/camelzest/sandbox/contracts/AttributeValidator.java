package dev.camelzest.sandbox.contracts;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.http.ValidationErrorItem;

/**
 * Validates an attribute map against a template: one {@code validationErrors[]} entry per failing
 * attribute (its first broken rule), in the template's order, then unknown attributes. Codes:
 * {@code required, unknown_attribute, type, enum, pattern, format, min_length, max_length, min_value,
 * max_value}. Fields are paths from the body root, e.g. {@code attributes.price_per_share.value}.
 */
public final class AttributeValidator {

    private static final Pattern DECIMAL = Pattern.compile("^-?\\d+(\\.\\d+)?$");

    private AttributeValidator() {
    }

    public static List<ValidationErrorItem> validate(Template template, JsonNode attributes) {
        List<ValidationErrorItem> errors = new ArrayList<>();
        checkProperties("attributes", attributes, template.attributes(),
                "an attribute of template " + template.name() + " " + template.version(), errors);
        return errors;
    }

    private static void checkProperties(String path, JsonNode object, Map<String, Rule> rules, String owner,
                                        List<ValidationErrorItem> errors) {
        for (Map.Entry<String, Rule> entry : rules.entrySet()) {
            String name = entry.getKey();
            JsonNode value = object.get(name);
            String field = path + "." + name;
            if (value == null || value.isNull()) {
                if (entry.getValue().required()) {
                    errors.add(new ValidationErrorItem(field, "required", name + " is required", null));
                } else if (value != null) {
                    errors.add(error(field, "type", name + " must not be null", value));
                }
                continue;
            }
            check(field, name, value, entry.getValue(), errors);
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!rules.containsKey(name)) {
                errors.add(error(path + "." + name, "unknown_attribute", name + " is not " + owner,
                        object.get(name)));
            }
        }
    }

    private static void check(String field, String name, JsonNode value, Rule rule,
                              List<ValidationErrorItem> errors) {
        switch (rule.type()) {
            case "string" -> checkString(field, name, value, rule, errors);
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(error(field, "type", name + " must be true or false", value));
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(error(field, "type", name + " must be an integer", value));
                } else {
                    checkBounds(field, name, value.decimalValue(), value, rule, errors);
                }
            }
            case "object" -> {
                if (!value.isObject()) {
                    errors.add(error(field, "type", name + " must be an object", value));
                } else {
                    checkProperties(field, value, rule.properties(), "a field of " + name, errors);
                }
            }
            default -> throw new IllegalStateException("unknown rule type " + rule.type());
        }
    }

    private static void checkString(String field, String name, JsonNode value, Rule rule,
                                    List<ValidationErrorItem> errors) {
        if (!value.isTextual()) {
            errors.add(error(field, "type", name + " must be a string", value));
            return;
        }
        String text = value.asText();
        int length = text.codePointCount(0, text.length());
        if (rule.minLength() != null && length < rule.minLength()) {
            errors.add(error(field, "min_length", name + " must be at least " + rule.minLength()
                    + " characters", value));
        } else if (rule.maxLength() != null && length > rule.maxLength()) {
            errors.add(error(field, "max_length", name + " must be at most " + rule.maxLength()
                    + " characters", value));
        } else if (rule.allowedValues() != null && !rule.allowedValues().contains(text)) {
            errors.add(error(field, "enum", name + " must be one of " + String.join(", ", rule.allowedValues()),
                    value));
        } else if (rule.pattern() != null && !rule.pattern().matcher(text).matches()) {
            errors.add(error(field, "pattern", name + " must match " + rule.pattern().pattern(), value));
        } else if (rule.format() != null && !hasFormat(text, rule.format())) {
            errors.add(error(field, "format", name + " must be " + describe(rule.format()), value));
        } else if ("decimal".equals(rule.format())) {
            checkBounds(field, name, new BigDecimal(text), value, rule, errors);
        }
    }

    private static void checkBounds(String field, String name, BigDecimal number, JsonNode value, Rule rule,
                                    List<ValidationErrorItem> errors) {
        if (rule.minValue() != null) {
            int comparison = number.compareTo(rule.minValue());
            if (rule.exclusiveMinimum() ? comparison <= 0 : comparison < 0) {
                errors.add(error(field, "min_value", name + " must be " + (rule.exclusiveMinimum() ? "> " : ">= ")
                        + rule.minValue().toPlainString(), value));
                return;
            }
        }
        if (rule.maxValue() != null && number.compareTo(rule.maxValue()) > 0) {
            errors.add(error(field, "max_value", name + " must be <= " + rule.maxValue().toPlainString(), value));
        }
    }

    private static boolean hasFormat(String text, String format) {
        return switch (format) {
            case "decimal" -> DECIMAL.matcher(text).matches();
            case "date-time" -> parses(() -> OffsetDateTime.parse(text));
            case "date" -> parses(() -> LocalDate.parse(text));
            case "uri" -> isWebUrl(text);
            default -> throw new IllegalStateException("unknown format " + format);
        };
    }

    private static String describe(String format) {
        return switch (format) {
            case "decimal" -> "a decimal number in a string, e.g. \"36.97\"";
            case "date-time" -> "an RFC 3339 date-time with offset, e.g. 2026-06-01T00:00:00Z";
            case "date" -> "a date YYYY-MM-DD";
            case "uri" -> "an absolute http(s) URL";
            default -> format;
        };
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ValidationErrorItem error(String field, String code, String message, JsonNode value) {
        return new ValidationErrorItem(field, code, message, value);
    }
}
