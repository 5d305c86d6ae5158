package dev.camelzest.routes.filedrop;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;

/** A file to publish next to the input: its name there and its content, staged locally or in memory. */
public record OutputFile(String name, Path staged, byte[] content) {

    public static OutputFile staged(String name, Path staged) {
        return new OutputFile(name, staged, null);
    }

    public static OutputFile inMemory(String name, byte[] content) {
        return new OutputFile(name, null, content);
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * The name with a time in it, before its last two parts: {@code orders.results.csv} becomes
     * {@code orders.20261205T061500Z.results.csv}, {@code orders.csv.error.txt} {@code orders.csv.20261205T061500Z.error.txt}.
     */
    public static String stamped(String name, Instant at) {
        int slash = name.lastIndexOf('/');
        int last = name.lastIndexOf('.');
        int beforeLast = last > slash + 1 ? name.lastIndexOf('.', last - 1) : -1;
        int at2 = beforeLast > slash + 1 ? beforeLast : last > slash + 1 ? last : name.length();
        return name.substring(0, at2) + "." + STAMP.format(at) + name.substring(at2);
    }

    /** Makes the message the one the file producer writes: file name header, streamed or in-memory body. */
    public static void toMessage(Exchange exchange) {
        OutputFile file = exchange.getIn().getBody(OutputFile.class);
        // the consumer's headers go (its file name, length, local copy): what is written is this file alone
        exchange.getIn().removeHeaders("Camel*");
        exchange.getIn().setHeader(Exchange.FILE_NAME, file.name());
        exchange.getIn().setBody(file.staged() != null ? file.staged().toFile() : file.content());
    }
}
