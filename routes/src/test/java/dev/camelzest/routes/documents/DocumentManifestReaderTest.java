package dev.camelzest.routes.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import dev.camelzest.routes.documents.DocumentManifest.Kind;
import dev.camelzest.routes.support.InvalidFileException;
import org.junit.jupiter.api.Test;

class DocumentManifestReaderTest {

    private final DocumentManifestReader reader = new DocumentManifestReader(DocumentManifestReader.DEFAULT_MAX_SIZE);

    @Test
    void aSpreadsheetsUtf8ExportWithItsByteOrderMarkIsRead() throws Exception {
        byte[] csv = bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "type,spvSlug,partnerInvestorId\nform,veh_1,acme-1\n".getBytes(StandardCharsets.UTF_8));

        DocumentManifest manifest = reader.read("a.pdf.manifest.csv", new ByteArrayInputStream(csv));

        assertThat(manifest.kind()).isEqualTo(Kind.FORM);
        assertThat(manifest.spvSlug()).isEqualTo("veh_1");
        assertThat(manifest.document()).isEqualTo("a.pdf");
    }

    @Test
    void aByteThatIsNotUtf8IsNamedWithItsOffsetAndLine() {
        // "Café" in ISO-8859-1: 0xE9 is no UTF-8 sequence
        byte[] csv = bytes("type,spvSlug,partnerInvestorId,wireReference\nfunding,veh_1,acme-1,Caf".getBytes(
                StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9}, "\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> reader.read("a.pdf.manifest.csv", new ByteArrayInputStream(csv)))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("not UTF-8: byte 0xE9 at byte offset 69 (line 2)");
    }

    @Test
    void aJsonManifestIsAsStrict() {
        byte[] json = bytes("{\"type\": \"form\",\n \"spvSlug\": \"veh_".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> reader.read("a.pdf.manifest.json", new ByteArrayInputStream(json)))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("byte 0xC3 at byte offset 34 (line 2)");
    }

    @Test
    void aManifestOverTheBoundIsRefusedWithoutReadingTheRest() {
        DocumentManifestReader small = new DocumentManifestReader(100);
        byte[] json = ("{\"type\": \"form\", \"spvSlug\": \"veh_1\", \"personId\": \"psn_1\", \"note\": \""
                + "x".repeat(200) + "\"}").getBytes(StandardCharsets.US_ASCII);
        ByteArrayInputStream in = new ByteArrayInputStream(json);

        assertThatThrownBy(() -> small.read("a.pdf.manifest.json", in))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("larger than 100 bytes");
        assertThat(in.available()).isEqualTo(json.length - 101);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
