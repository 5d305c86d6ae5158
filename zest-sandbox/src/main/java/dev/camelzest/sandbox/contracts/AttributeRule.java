package dev.camelzest.sandbox.contracts;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An attribute's rule as written in a template or primitive document. A rule naming a
 * {@code primitive} inherits that primitive's rule; its own fields override. Decimal bounds are strings
 * in the documents ("0", "100") and compare as decimals.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AttributeRule(String primitive, String type, Boolean required, String catalog, String pattern,
                     String format, Integer minLength, Integer maxLength, BigDecimal minValue,
                     BigDecimal maxValue, Boolean exclusiveMinimum, Map<String, AttributeRule> properties,
                     String description) {

    /** This rule with every field it leaves open taken from {@code base}. */
    AttributeRule over(AttributeRule base) {
        return new AttributeRule(base.primitive,
                type != null ? type : base.type,
                required != null ? required : base.required,
                catalog != null ? catalog : base.catalog,
                pattern != null ? pattern : base.pattern,
                format != null ? format : base.format,
                minLength != null ? minLength : base.minLength,
                maxLength != null ? maxLength : base.maxLength,
                minValue != null ? minValue : base.minValue,
                maxValue != null ? maxValue : base.maxValue,
                exclusiveMinimum != null ? exclusiveMinimum : base.exclusiveMinimum,
                properties != null ? properties : base.properties,
                description != null ? description : base.description);
    }
}
