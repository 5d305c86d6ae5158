package dev.camelzest.routes.investors;

import java.nio.file.Path;
import java.util.Locale;

/** The input formats, told apart by file extension; results are written in the format of the input. */
public enum InvestorFileFormat {
    CSV("csv"),
    JSON_LINES("jsonl");

    private final String extension;

    InvestorFileFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static InvestorFileFormat of(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        throw new UnreadableFileException(
                "Unsupported file type: investor files are .csv, .jsonl or .ndjson, got '" + fileName + "'");
    }

    public InvestorRowReader open(Path file, ReadOptions options) {
        return this == CSV
                ? new CsvInvestorReader(file, options.headerMapping(), options.csvDelimiter())
                : new JsonLinesInvestorReader(file, options.headerMapping());
    }

    /** How to read input files. */
    public record ReadOptions(HeaderMapping headerMapping, char csvDelimiter) {

        public static ReadOptions defaults() {
            return new ReadOptions(HeaderMapping.identity(), ',');
        }
    }
}
