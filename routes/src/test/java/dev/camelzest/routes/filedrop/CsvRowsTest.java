package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {

    @TempDir
    Path temp;

    private List<CsvRows.Row> read(byte[] content, ReadLimits limits) throws Exception {
        Path file = Files.write(temp.resolve("rows.csv"), content);
        List<CsvRows.Row> rows = new ArrayList<>();
        try (CsvRows reader = new CsvRows(file, limits, ',')) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void badBytesMarkTheirOwnRowWithTheirFileOffsetPastABomAndMultiByteText() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.writeBytes("id,name\n1,\u00c5sa \u4e2d\n2,\"quoted\nover two lines\"\n3,Jo".getBytes(StandardCharsets.UTF_8));
        int offset = file.size();
        file.writeBytes(new byte[] {(byte) 0xE9, 'x', '\n'});
        file.writeBytes("4,ok\n".getBytes(StandardCharsets.UTF_8));

        List<CsvRows.Row> rows = read(file.toByteArray(), ReadLimits.defaults());

        assertThat(rows).extracting(CsvRows.Row::rowNumber).containsExactly(1L, 2L, 3L, 4L);
        assertThat(rows.get(0).readError()).isNull();
        assertThat(rows.get(1).readError()).isNull();
        assertThat(rows.get(2).readError().code()).isEqualTo("encoding");
        assertThat(rows.get(2).readError().message()).contains("UTF-8", "byte offset " + offset + " ");
        assertThat(rows.get(3).readError()).isNull();
        assertThat(rows.get(3).record().get("name")).isEqualTo("ok");
    }

    @Test
    void badBytesInTheHeaderMakeTheFileUnreadable() {
        byte[] content = {'i', 'd', (byte) 0xFF, '\n', '1', '\n'};

        assertThatThrownBy(() -> read(content, ReadLimits.defaults())).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("header row is not valid UTF-8 text (byte offset 2)");
    }

    @Test
    void iso88591HasNoBadBytesAndWindows1252HasFive() throws Exception {
        byte[] content = {'i', 'd', '\n', (byte) 0xE9, '\n', (byte) 0x81, '\n'};

        assertThat(read(content, new ReadLimits(StandardCharsets.ISO_8859_1, 100, 100)))
                .extracting(CsvRows.Row::readError).containsOnlyNulls();
        List<CsvRows.Row> cp1252 = read(content, new ReadLimits(ReadLimits.charset("Windows-1252"), 100, 100));
        assertThat(cp1252.get(0).record().get(0)).isEqualTo("\u00e9");
        assertThat(cp1252.get(1).readError().message()).contains("windows-1252", "byte offset 5");
        assertThatThrownBy(() -> ReadLimits.charset("UTF-16")).hasMessageContaining("UTF-8, ISO-8859-1, WINDOWS-1252");
    }

    @Test
    void jsonLinesMarkTheLineWithBadBytesAndBoundTheirLength() throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes("{\"a\":1}\r\n\n{\"b\":\"".getBytes(StandardCharsets.UTF_8));
        int offset = content.size();
        content.writeBytes(new byte[] {(byte) 0xC3, '"', '}', '\n'});
        content.writeBytes("{\"c\":3}".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(temp.resolve("rows.jsonl"), content.toByteArray());

        List<JsonLineRows.Line> lines = new ArrayList<>();
        try (JsonLineRows rows = new JsonLineRows(file, ReadLimits.defaults())) {
            rows.forEachRemaining(lines::add);
        }
        assertThat(lines).extracting(JsonLineRows.Line::rowNumber).containsExactly(1L, 2L, 3L);
        assertThat(lines.get(0).readError()).isNull();
        assertThat(lines.get(1).readError().message()).contains("byte offset " + offset + " ");
        assertThat(lines.get(2).readError()).isNull();

        Files.writeString(file, "{}\n" + "x".repeat(101) + "\n");
        assertThatThrownBy(() -> {
            try (JsonLineRows rows = new JsonLineRows(file, new ReadLimits(StandardCharsets.UTF_8, 100, 1000))) {
                rows.countRemaining();
            }
        }).isInstanceOf(UnreadableFileException.class).hasMessage("Row 2 is longer than maxRecordLength (100 characters)");
    }

    @Test
    void formulaCellsAreDisarmedAndOthersLeftAlone() {
        assertThat(List.of("=1+1", "+1", "-1", "@A1", "\tx", "\rx", "a=b", "", "plain"))
                .extracting(SpreadsheetSafe::cell)
                .containsExactly("'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", "a=b", "", "plain");
        assertThat(SpreadsheetSafe.cell(-5)).isEqualTo(-5);
    }
}
