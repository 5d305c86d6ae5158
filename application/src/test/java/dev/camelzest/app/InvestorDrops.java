package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Investor files dropped in the SFTP server's investors directory, with a bad row now and then, and what a
 * partner finds afterwards: one results file per input, complete and in row order, each input moved to done once.
 */
final class InvestorDrops {

    private static final String HEADER = "partnerInvestorId,email,firstName,lastName,dateOfBirth,countryOfResidence";

    private final Path directory;
    private final int files;
    private final int rowsPerFile;

    InvestorDrops(Path directory, int files, int rowsPerFile) {
        this.directory = directory;
        this.files = files;
        this.rowsPerFile = rowsPerFile;
    }

    /** Every 41st row has no valid email and every 97th no last name: refused locally, never sent. */
    static boolean isBad(int row) {
        return row % 41 == 0 || row % 97 == 0;
    }

    int validRows() {
        int bad = 0;
        for (int row = 1; row <= rowsPerFile; row++) {
            bad += isBad(row) ? 1 : 0;
        }
        return files * (rowsPerFile - bad);
    }

    int totalRows() {
        return files * rowsPerFile;
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        for (int file = 1; file <= files; file++) {
            names.add(String.format("investors-%02d.csv", file));
        }
        return names;
    }

    /** Each file written under a name the import ignores, then renamed into place: all dropped at once. */
    void drop() throws IOException {
        Files.createDirectories(directory);
        List<Path> staged = new ArrayList<>();
        for (int file = 1; file <= files; file++) {
            Path temp = directory.resolve(".upload-" + file);
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(HEADER + "\n");
                for (int row = 1; row <= rowsPerFile; row++) {
                    String id = "f" + file + "-r" + row;
                    String email = row % 41 == 0 ? "not-an-email" : id + "@replicas.example.com";
                    String lastName = row % 97 == 0 ? "" : "Row" + row;
                    out.write(id + "," + email + ",File" + file + "," + lastName + ",1980-01-01,GB\n");
                }
            }
            staged.add(temp);
        }
        for (int file = 1; file <= files; file++) {
            Files.move(staged.get(file - 1), directory.resolve(names().get(file - 1)), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String baseName(String fileName) {
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }

    boolean allDone() throws IOException {
        return names().stream().allMatch(name -> Files.exists(directory.resolve("done").resolve(name))
                && Files.exists(directory.resolve("results").resolve(resultsName(name))));
    }

    List<String> notDone() {
        return names().stream().filter(name -> !Files.exists(directory.resolve("done").resolve(name))).toList();
    }

    /**
     * One results file per input, nothing staged left behind, each input in done/ once and nowhere else; every row
     * in order, valid rows created (by this file, whichever replica sent them), bad ones invalid. A valid row may
     * also be {@code already_exists}: one a killed replica sent but had not recorded yet; how many, per results file,
     * is returned.
     * <p>
     * No second results file either for a file in flight when a replica was killed between publishing its results
     * and moving it to done/: its completion was recorded first, so the replica that takes it over moves it.
     */
    /**
     * @param aReplicaWasKilled a replica killed while it wrote an output leaves that output's partial staged file
     *                          under its hidden {@code .writing-} name (no replica deletes a file another one wrote;
     *                          the one that took the file over wrote the output under its real name)
     */
    Map<String, Integer> assertEachFileImportedOnce(boolean aReplicaWasKilled) throws IOException {
        assertThat(list(directory)).as("the drop directory").noneMatch(name -> name.endsWith(".csv"));
        assertThat(list(directory.resolve("done"))).containsExactlyInAnyOrderElementsOf(names());
        assertThat(list(directory.resolve("error"))).isEmpty();
        List<String> expectedResults = names().stream().map(InvestorDrops::resultsName).toList();
        List<String> resultsFiles = list(directory.resolve("results")).stream()
                .filter(name -> !name.startsWith(".") && name.contains(".results.")).toList(); // hidden: just below
        assertThat(resultsFiles).as("each results file written once, none a second time under a stamped name")
                .containsExactlyInAnyOrderElementsOf(expectedResults);
        assertThat(list(directory.resolve("results"))).as("nothing hidden but a killed replica's staged write")
                .noneMatch(name -> name.startsWith(".") && !(aReplicaWasKilled && name.startsWith(".writing-")));
        Map<String, Integer> alreadyExisting = new TreeMap<>();
        for (int file = 1; file <= files; file++) {
            String results = resultsName(names().get(file - 1));
            alreadyExisting.put(results, assertResults(file, directory.resolve("results").resolve(results)));
        }
        return alreadyExisting;
    }

    private int assertResults(int file, Path results) throws IOException {
        int alreadyExisting = 0;
        try (Reader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
            assertThat(rows).as("%s: one line per input row", results.getFileName()).hasSize(rowsPerFile);
            for (int row = 1; row <= rowsPerFile; row++) {
                CSVRecord line = rows.get(row - 1);
                assertThat(line.get("rowNumber")).as("%s in row order", results.getFileName())
                        .isEqualTo(String.valueOf(row));
                assertThat(line.get("partnerInvestorId")).isEqualTo("f" + file + "-r" + row);
                String status = line.get("status");
                if (isBad(row)) {
                    assertThat(status).as("%s row %d", results.getFileName(), row).isEqualTo("invalid");
                } else {
                    assertThat(status).as("%s row %d", results.getFileName(), row).isIn("created", "already_exists");
                    assertThat(line.get("zestPersonId")).as("%s row %d", results.getFileName(), row).isNotBlank();
                    alreadyExisting += status.equals("already_exists") ? 1 : 0;
                }
            }
        }
        return alreadyExisting;
    }

    /** What the directories hold, for a failure's message. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (Path dir : List.of(directory, directory.resolve("done"), directory.resolve("results"),
                directory.resolve("error"))) {
            try {
                text.append(dir.getFileName()).append(": ").append(list(dir)).append('\n');
            } catch (IOException e) {
                text.append(dir.getFileName()).append(": ").append(e).append('\n');
            }
        }
        return text.toString();
    }

    static String resultsName(String input) {
        return input.replaceFirst("\\.csv$", ".results.csv");
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).toList();
        }
    }
}
