package dev.camelzest.routes.filedrop;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats of dropped row files, told apart by extension; results are written in the format of the input. */
public enum FileFormat {
    CSV("csv", List.of(".csv")),
    JSON_LINES("jsonl", List.of(".jsonl", ".ndjson"));

    private final String extension;
    private final List<String> suffixes;

    FileFormat(String extension, List<String> suffixes) {
        this.extension = extension;
        this.suffixes = suffixes;
    }

    /** The extension of the results written for an input of this format. */
    public String extension() {
        return extension;
    }

    /** The format of {@code fileName} among {@code accepted}; any other extension makes the file unreadable. */
    public static FileFormat of(String fileName, List<FileFormat> accepted) {
        String name = fileName.toLowerCase(Locale.ROOT);
        for (FileFormat format : accepted) {
            if (format.suffixes.stream().anyMatch(name::endsWith)) {
                return format;
            }
        }
        throw new UnreadableFileException("Unsupported file type: the files read here are "
                + accepted.stream().flatMap(f -> f.suffixes.stream()).collect(Collectors.joining(", "))
                        .replaceAll(", (\\.[a-z]+)$", " or $1")
                + ", got '" + fileName + "'");
    }
}
