package dev.camelzest.routes.subscriptions;

import java.util.List;

/** The rows of one file that go to one SPV in one createSubscriptions call, with their resolved persons. */
record SpvBatch(String spvSlug, List<SubscriptionRow> rows, List<String> personIds) {
}
