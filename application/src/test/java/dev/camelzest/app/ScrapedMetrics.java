package dev.camelzest.app;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One scrape of the application's Prometheus endpoint ({@code /observe/metrics}), read sample by sample. */
final class ScrapedMetrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Sample> samples;

    private ScrapedMetrics(List<Sample> samples) {
        this.samples = samples;
    }

    static ScrapedMetrics scrape(AppProcess application) throws IOException, InterruptedException {
        String text = application.management("/observe/metrics").body();
        return new ScrapedMetrics(text.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(ScrapedMetrics::parse).toList());
    }

    private static Sample parse(String line) {
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
            throw new AssertionError("not a Prometheus sample: " + line);
        }
        Map<String, String> labels = new TreeMap<>();
        if (sample.group(3) != null) {
            Matcher label = LABEL.matcher(sample.group(3));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4)));
    }

    /** The camel-zest and ledger pool metric names a dashboard or rule file queries. */
    static Set<String> namesIn(String queries) {
        Matcher name = Pattern.compile("\\b(?:zest|hikaricp)_[a-z0-9_]+").matcher(queries);
        Set<String> names = new java.util.TreeSet<>();
        while (name.find()) {
            names.add(name.group());
        }
        return names;
    }

    Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toSet());
    }

    /** The sum of the samples of this name whose label has this value. */
    long sum(String name, String label, String value) {
        return Math.round(samples.stream().filter(s -> s.name().equals(name) && value.equals(s.labels().get(label)))
                .mapToDouble(Sample::value).sum());
    }

    /** The samples of this name summed per value of the label (zero sums left out). */
    Map<String, Long> sumsBy(String name, String label) {
        Map<String, Double> sums = samples.stream().filter(s -> s.name().equals(name) && s.labels().containsKey(label))
                .collect(Collectors.groupingBy(s -> s.labels().get(label), TreeMap::new,
                        Collectors.summingDouble(Sample::value)));
        Map<String, Long> rounded = new TreeMap<>();
        sums.forEach((key, sum) -> {
            if (sum > 0) {
                rounded.put(key, Math.round(sum));
            }
        });
        return rounded;
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }
}
