package dev.camelzest.component.operation;

import java.util.ArrayList;
import java.util.List;

import dev.camelzest.component.ZestApiException;

/** A Zest path such as {@code v1/spvs/{spvSlug}/subscriptions}; parameters are filled per call and encoded on send. */
final class PathTemplate {

    private final String template;
    private final List<String> segments;

    private PathTemplate(String template) {
        this.template = template;
        this.segments = template.isEmpty() ? List.of() : List.of(template.split("/"));
    }

    static PathTemplate of(String template) {
        return new PathTemplate(template);
    }

    List<String> resolve(ZestCall call) throws ZestApiException {
        List<String> resolved = new ArrayList<>(segments.size());
        for (String segment : segments) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                resolved.add(call.requiredParameter(PathParameter.valueOf(segment.substring(1, segment.length() - 1))));
            } else {
                resolved.add(segment);
            }
        }
        return resolved;
    }

    @Override
    public String toString() {
        return "/" + template;
    }
}
