package dev.camelzest.routes.spvrequests;

import java.util.Map;

/**
 * An SPV request file: {@code action} {@code create} (the default) with the partner's {@code localId} and the
 * request ({@code templateId}, {@code templateVersion}, {@code attributes}), or {@code cancel} with the
 * {@code localId} (or Zest's {@code slug}) of a request submitted before.
 */
public record SpvRequestFile(Action action, String localId, String slug, String templateId, String templateVersion,
        Map<String, Object> attributes) {

    public enum Action {
        CREATE, CANCEL
    }
}
