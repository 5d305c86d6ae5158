package dev.camelzest.routes.investors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.camelzest.routes.filedrop.FileFormat;
import dev.camelzest.routes.filedrop.ReadLimits;
import dev.camelzest.routes.filedrop.RowReader;
import dev.camelzest.routes.filedrop.UnreadableFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvestorRowReaderTest {

    @TempDir
    Path temp;

    private List<InvestorRow> read(String name, byte[] content, ReadLimits limits) throws Exception {
        Path file = Files.write(temp.resolve(name), content);
        List<InvestorRow> rows = new ArrayList<>();
        InvestorFlow flow = new InvestorFlow(HeaderMapping.identity(), ',', null);
        try (RowReader<InvestorRow> reader = flow.open(file, FileFormat.of(name, flow.formats()), limits)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    private List<InvestorRow> read(String name, String content) throws Exception {
        return read(name, content.getBytes(StandardCharsets.UTF_8), ReadLimits.defaults());
    }

    @Test
    void csvQuotedFieldsSpanningLinesAndBlankLines() throws Exception {
        List<InvestorRow> rows = read("q.csv", """
                partnerInvestorId,email,firstName,lastName,dateOfBirth,countryOfResidence

                a-1,a@example.com,"Mary
                Ann","O'Hara, Jr",1970-01-01,IE
                a-2 , b@example.com ,B,C,1971-02-03,
                """);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).firstName()).isEqualTo("Mary\nAnn");
        assertThat(rows.get(0).lastName()).isEqualTo("O'Hara, Jr");
        assertThat(rows.get(1).rowNumber()).isEqualTo(2);
        assertThat(rows.get(1).partnerInvestorId()).isEqualTo("a-2");
        assertThat(rows.get(1).countryOfResidence()).isNull();
        assertThat(rows.get(1).toCreateRow().countryOfResidence()).isNull();
    }

    @Test
    void csvWithoutTheOptionalCountryColumnAndInAnyHeaderCase() throws Exception {
        List<InvestorRow> rows = read("c.csv", "PARTNERINVESTORID,Email,FirstName,LastName,DateOfBirth\n"
                + "a-1,a@example.com,A,B,1970-01-01\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.partnerInvestorId()).isEqualTo("a-1");
            assertThat(row.readError()).isNull();
        });
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = "partnerInvestorId,email,firstName,lastName,dateOfBirth\na-1,a@example.com,A,B,1970-01-01\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(csv, 0, content, bom.length, csv.length);

        assertThat(read("bom.csv", content, ReadLimits.defaults())).extracting(InvestorRow::partnerInvestorId)
                .containsExactly("a-1");
    }

    @Test
    void jsonLinesNumbersAreReadAsText() throws Exception {
        List<InvestorRow> rows = read("n.ndjson", """
                {"partnerInvestorId":7341,"email":"a@example.com","firstName":"A","lastName":"B","dateOfBirth":"1970-01-01","extra":true}
                {"partnerInvestorId":"x","email":["a"],"firstName":"A","lastName":"B","dateOfBirth":"1970-01-01"}
                [1,2]
                """);

        assertThat(rows.get(0).partnerInvestorId()).isEqualTo("7341");
        assertThat(rows.get(1).readError().field()).isEqualTo("email");
        assertThat(rows.get(2).readError().message()).contains("not a JSON object");
    }

    @Test
    void unsupportedExtensionsAndEmptyCsvAreUnreadable() throws Exception {
        assertThatThrownBy(() -> read("investors.xlsx", "x")).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining(".csv, .jsonl or .ndjson");
        assertThatThrownBy(() -> read("empty.csv", "")).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("lacks the required column");
        assertThat(read("empty.jsonl", "\n\n")).isEmpty();
    }

    @Test
    void headerMappingNamesUnknownFields() {
        assertThatThrownBy(() -> HeaderMapping.parse("phone=Telephone")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown investor field 'phone'");
        assertThatThrownBy(() -> HeaderMapping.parse("email")).isInstanceOf(IllegalArgumentException.class);
        assertThat(HeaderMapping.parse(" email = E-mail ").column(InvestorField.EMAIL)).isEqualTo("E-mail");
    }
}
