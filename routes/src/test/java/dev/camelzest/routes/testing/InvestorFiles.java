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

    /** A file with every kind of bad row, and the email of row 1 reused under another id (Zest's conflict). */
    public static final String BAD_ROWS = HEADER + "\n"
            + "inv-1,investor1@example.com,Ada,Lovelace,1980-01-01,GB\n"
            + ",missing-id@example.com,A,B,1980-01-01,AE\n"
            + "inv-3,,A,B,1980-01-01,AE\n"
            + "inv-4,not-an-email,A,B,1980-01-01,AE\n"
            + "inv-5,e5@example.com,A,B,1980-02-30,AE\n"
            + "inv-6,e6@example.com,A,B,12/03/1980,AE\n"
            + "inv-7,e7@example.com,A,B,1980-01-01,XX\n"
            + "inv-1,dup@example.com,A,B,1980-01-01,AE\n"
            + "inv-9,e9@example.com,A,B\n"
            + "inv-10,investor1@example.com,A,B,1980-01-01,\n"
            + "inv-11,e11@example.com,A,,1980-01-01,de\n"
            + "inv-12,e12@example.com,A,B,1980-01-01,de\n";

    /** What becomes of each row of {@link #BAD_ROWS}: row number, status, error code, error field. */
    public static final List<String> BAD_ROWS_RESULTS = List.of(
            "1 created  ",
            "2 invalid required partnerInvestorId",
            "3 invalid required email",
            "4 invalid format email",
            "5 invalid format dateOfBirth",
            "6 invalid format dateOfBirth",
            "7 invalid format countryOfResidence",
            "8 invalid duplicate partnerInvestorId",
            "9 invalid format ",
            "10 failed conflict email",
            "11 invalid required lastName",
            "12 created  ");

    public static String outcome(CSVRecord result) {
        return result.get("rowNumber") + " " + result.get("status") + " " + result.get("errorCode") + " "
                + result.get("errorField");
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
        return drop(directory, name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path drop(Path directory, String name, byte[] content) {
        try {
            Files.createDirectories(directory);
            Path temp = directory.resolve("." + name + ".tmp");
            Files.write(temp, content);
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
