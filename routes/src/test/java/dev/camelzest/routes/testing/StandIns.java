package dev.camelzest.routes.testing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Test files name the sandbox's entities by stand-ins ({@code veh_1}, {@code sc_a}, {@code psn_7}...) that become the
 * slugs and ids the sandbox gave this test. Each whole stand-in is replaced in one pass: replacing them one after the
 * other let a later stand-in match inside an id put in for an earlier one (a share class slug {@code sc_b...} put in
 * for {@code sc_a} became another SPV's share class): a random id begins with the wrong letter one time in 36, and
 * about one run of the subscriptions tests in four failed here.
 */
public final class StandIns {

    private final Map<String, String> values;
    private final Pattern standIn;

    private StandIns(Map<String, String> values) {
        this.values = values;
        this.standIn = Pattern.compile("(?<![A-Za-z0-9_])("
                + values.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|"))
                + ")(?![A-Za-z0-9_])");
    }

    /** Stand-in to the real value; a stand-in whose value is null stays as it is. */
    public static StandIns of(Map<String, String> values) {
        return new StandIns(values.entrySet().stream().filter(entry -> entry.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public String replaceIn(String content) {
        return standIn.matcher(content).replaceAll(match -> Matcher.quoteReplacement(values.get(match.group(1))));
    }
}
