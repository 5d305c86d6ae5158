package dev.camelzest.component.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * A Zest timestamp field: written as ISO 8601 ({@code Instant.toString()}), read leniently. On the field rather than
 * only in {@link ZestJson}'s mapper, so that any ObjectMapper (Camel's {@code marshal().json()}, a user's own)
 * reads and writes the records as Zest's wire JSON without the JavaTime module.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = ToStringSerializer.class)
@JsonDeserialize(using = LenientInstantDeserializer.class)
public @interface ZestTimestamp {
}
