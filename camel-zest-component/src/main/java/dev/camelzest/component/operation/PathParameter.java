package dev.camelzest.component.operation;

import java.util.function.Function;
import java.util.regex.Pattern;

import dev.camelzest.component.ZestConfiguration;
import dev.camelzest.component.ZestConstants;

/**
 * A path parameter of a Zest URL: read from its header, else from the URI option of the same name, and checked
 * against its shape before any call, because the value may come from a partner's file or a message header.
 * <p>
 * The OpenAPI document types them all as plain strings. Zest's ids and slugs ({@code svr_a1b2c3}, {@code veh_klm456},
 * {@code psn_abc123}, {@code syndicate_secondary}) are the contracts registry's {@code identifier} and {@code slug}
 * primitives: letters, digits, {@code _} and {@code -}, starting with a letter or digit; up to 100 characters (the
 * slug primitive's bound) is accepted. Contract versions ({@code 1.0.0}) add dots between those characters. So no
 * value can be {@code .} or {@code ..}, contain a {@code /}, or steer the URL another way.
 */
enum PathParameter {
    spvSlug(ZestConstants.SPV_SLUG, ZestConfiguration::getSpvSlug, Shape.ID),
    personId(ZestConstants.PERSON_ID, ZestConfiguration::getPersonId, Shape.ID),
    slug(ZestConstants.SLUG, ZestConfiguration::getSlug, Shape.ID),
    version(ZestConstants.VERSION, ZestConfiguration::getVersion, Shape.VERSION),
    name(ZestConstants.NAME, ZestConfiguration::getName, Shape.ID);

    private final String header;
    private final Function<ZestConfiguration, String> option;
    private final Shape shape;

    PathParameter(String header, Function<ZestConfiguration, String> option, Shape shape) {
        this.header = header;
        this.option = option;
        this.shape = shape;
    }

    String header() {
        return header;
    }

    String option(ZestConfiguration configuration) {
        return option.apply(configuration);
    }

    boolean accepts(String value) {
        return shape.pattern.matcher(value).matches();
    }

    String shapeDescription() {
        return shape.description;
    }

    private enum Shape {
        ID("[A-Za-z0-9][A-Za-z0-9_-]{0,99}",
           "letters, digits, '_' and '-', starting with a letter or digit, at most 100"),
        VERSION("[A-Za-z0-9][A-Za-z0-9_-]{0,31}(\\.[A-Za-z0-9][A-Za-z0-9_-]{0,31}){0,7}",
                "dot-separated words of letters, digits, '_' and '-', e.g. 1.0.0");

        private final Pattern pattern;
        private final String description;

        Shape(String pattern, String description) {
            this.pattern = Pattern.compile(pattern);
            this.description = description;
        }
    }
}
