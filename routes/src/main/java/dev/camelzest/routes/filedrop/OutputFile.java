package dev.camelzest.routes.filedrop;

import java.nio.file.Path;

import org.apache.camel.Exchange;

/** A file to publish next to the input: its name there and its content, staged locally or in memory. */
public record OutputFile(String name, Path staged, byte[] content) {

    public static OutputFile staged(String name, Path staged) {
        return new OutputFile(name, staged, null);
    }

    public static OutputFile inMemory(String name, byte[] content) {
        return new OutputFile(name, null, content);
    }

    /** Makes the message the one the file producer writes: file name header, streamed or in-memory body. */
    public static void toMessage(Exchange exchange) {
        OutputFile file = exchange.getIn().getBody(OutputFile.class);
        exchange.getIn().setHeader(Exchange.FILE_NAME, file.name());
        exchange.getIn().setBody(file.staged() != null ? file.staged().toFile() : file.content());
    }
}
