package dev.camelzest.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides which counterparts are embedded, and refuses a configuration that would quietly mix real and embedded
 * ones: a production deployment with one mistyped variable must not import real investors' files into a fake Zest.
 * <ul>
 * <li>nothing configured: everything embedded (the demo);</li>
 * <li>{@code app.embedded} set: exactly the parts it names are embedded ({@code none} for none), every other part
 * must be configured;</li>
 * <li>otherwise every part must be configured, with all the settings it needs.</li>
 * </ul>
 * A real Zest must be reached over HTTPS unless {@code zest.allow-insecure-http=true} or it is on loopback.
 */
final class CounterpartChoice {

    private CounterpartChoice() {
    }

    static Set<Counterpart> embeddedParts(AppProperties app) {
        Set<Counterpart> embedded = app.get(AppProperties.EMBEDDED).map(CounterpartChoice::parse)
                .orElseGet(() -> nothingConfigured(app) ? EnumSet.allOf(Counterpart.class) : EnumSet.noneOf(Counterpart.class));
        List<String> problems = new ArrayList<>();
        for (Counterpart part : Counterpart.values()) {
            if (embedded.contains(part)) {
                if (app.isSet(part.locator)) {
                    problems.add(part.locator + " is set although app.embedded asks for the embedded " + part.label());
                }
            } else {
                List<String> missing = missingSettings(part, app);
                if (!missing.isEmpty()) {
                    problems.add(part.label() + " needs " + String.join(", ", missing));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new StartupRefused("refusing to start with a mix of real and missing counterparts: "
                    + String.join("; ", problems) + ". Configure them, or ask for embedded parts explicitly with "
                    + AppProperties.EMBEDDED + "=" + suggestion(app, embedded) + " (the demo's stand-ins, not for production)");
        }
        if (!embedded.contains(Counterpart.ZEST)) {
            refusePlainHttp(app);
        }
        return embedded;
    }

    private static List<String> missingSettings(Counterpart part, AppProperties app) {
        List<String> missing = new ArrayList<>(part.required.stream().filter(key -> !app.isSet(key)).toList());
        if (part == Counterpart.SFTP && !app.isSet(AppProperties.SFTP_PASSWORD)
                && !app.isSet(AppProperties.SFTP_PRIVATE_KEY_FILE)) {
            missing.add(AppProperties.SFTP_PASSWORD + " or " + AppProperties.SFTP_PRIVATE_KEY_FILE);
        }
        return missing;
    }

    private static boolean nothingConfigured(AppProperties app) {
        return Arrays.stream(Counterpart.values()).noneMatch(part -> app.isSet(part.locator));
    }

    private static Set<Counterpart> parse(String value) {
        Set<Counterpart> parts = EnumSet.noneOf(Counterpart.class);
        for (String label : value.toLowerCase(Locale.ROOT).split(",")) {
            String name = label.trim();
            if (name.equals("none") || name.isEmpty()) {
                continue;
            }
            parts.add(Arrays.stream(Counterpart.values()).filter(part -> part.label().equals(name)).findFirst()
                    .orElseThrow(() -> new StartupRefused(AppProperties.EMBEDDED + " names '" + name
                            + "': the embedded parts are zest, sftp and ledger (or none)")));
        }
        return parts;
    }

    /** The parts that are neither configured nor asked for: what app.embedded would have to name. */
    private static String suggestion(AppProperties app, Set<Counterpart> embedded) {
        String parts = Arrays.stream(Counterpart.values())
                .filter(part -> embedded.contains(part) || !app.isSet(part.locator))
                .map(Counterpart::label).collect(Collectors.joining(","));
        return parts.isEmpty() ? "none" : parts;
    }

    private static void refusePlainHttp(AppProperties app) {
        String baseUrl = app.get(AppProperties.ZEST_BASE_URL).orElseThrow();
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw new StartupRefused(AppProperties.ZEST_BASE_URL + " is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && (isLoopback(uri.getHost())
                || app.isTrue(AppProperties.ZEST_ALLOW_INSECURE_HTTP))) {
            return;
        }
        throw new StartupRefused(AppProperties.ZEST_BASE_URL + " must be an https:// URL (" + baseUrl
                + "): the partner's tokens and investors' data would cross the network in clear. Set "
                + AppProperties.ZEST_ALLOW_INSECURE_HTTP + "=true only for a test Zest on a trusted network");
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }
}
