package dev.camelzest.routes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Writes investor files and reads results files for the tests. */
public final class InvestorFiles {

    public static final String HEADER = "partnerInvestorId,email,firstName,lastName,dateOfBirth,countryOfResidence";

    private InvestorFiles() {
    }

    public static String row(int n) {
        return "inv-" + n + ",investor" + n + "@example.com,First" + n + ",Last" + n + ",1980-02-"
                + String.format("%02d", 1 + n % 28) + ",AE";
    }

    public static String cleanCsv(int first, int count) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int n = first; n < first + count; n++) {
            csv.append(row(n)).append('\n');
        }
        return csv.toString();
    }

    /** Writes the file beside its final place, then renames it: how partners are told to drop files. */
    public static Path drop(Path directory, String name, String content) {
        try {
            Files.createDirectories(directory);
            Path temp = directory.resolve("." + name + ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            return Files.move(temp, directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<CSVRecord> readResults(Path file) {
        try (CSVParser parser = CSVParser.builder().setPath(file).setCharset(StandardCharsets.UTF_8)
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return new ArrayList<>(parser.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
