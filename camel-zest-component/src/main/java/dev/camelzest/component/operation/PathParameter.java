package dev.camelzest.component.operation;

import java.util.function.Function;

import dev.camelzest.component.ZestConfiguration;
import dev.camelzest.component.ZestConstants;

/** A path parameter of a Zest URL: read from its header, else from the URI option of the same name. */
enum PathParameter {
    spvSlug(ZestConstants.SPV_SLUG, ZestConfiguration::getSpvSlug),
    personId(ZestConstants.PERSON_ID, ZestConfiguration::getPersonId),
    slug(ZestConstants.SLUG, ZestConfiguration::getSlug),
    version(ZestConstants.VERSION, ZestConfiguration::getVersion),
    name(ZestConstants.NAME, ZestConfiguration::getName);

    private final String header;
    private final Function<ZestConfiguration, String> option;

    PathParameter(String header, Function<ZestConfiguration, String> option) {
        this.header = header;
        this.option = option;
    }

    String header() {
        return header;
    }

    String option(ZestConfiguration configuration) {
        return option.apply(configuration);
    }
}
