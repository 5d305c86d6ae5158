package dev.camelzest.sandbox.state;

import java.util.Map;

/** A share class of a materialised SPV; subscriptions name it by {@code slug}. Fees are decimal strings. */
public record ShareClass(String name, String slug, String managementFeePercent, String carryPercent,
                         Map<String, Object> setupFee) {
}
