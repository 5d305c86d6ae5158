package dev.camelzest.routes.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.routes.documents.DocumentManifest.Kind;
import dev.camelzest.routes.support.CsvFiles;
import dev.camelzest.routes.support.InvalidFileException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a document manifest, {@code <document>.manifest.json} (one object) or {@code <document>.manifest.csv} (a
 * header row and one data row), with the fields {@code type} ({@code form} or {@code funding}), {@code spvSlug},
 * {@code partnerInvestorId} or {@code personId}, and for fundings {@code amount}, {@code currency},
 * {@code wireReference}. The document is the manifest's name without the {@code .manifest.*} suffix, unless a
 * {@code document} field names it. Every problem is reported at once. A manifest is read strictly as UTF-8 (a
 * byte order mark, as spreadsheets write, is skipped) and only up to a bound of bytes.
 */
public final class DocumentManifestReader {

    static final String SUFFIX = ".manifest.";
    /** The default bound of a manifest's size: one object of a few fields is well under a kilobyte. */
    public static final int DEFAULT_MAX_SIZE = 64 * 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ObjectMapper json = new ObjectMapper();
    private final int maxSize;

    public DocumentManifestReader(int maxSize) {
        this.maxSize = maxSize;
    }

    /** Reads at most the bound of bytes from the manifest's content, then the manifest. */
    public DocumentManifest read(String manifestName, InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(maxSize + 1);
        if (bytes.length > maxSize) {
            throw new InvalidFileException(List.of("the manifest is larger than " + maxSize + " bytes"));
        }
        return read(manifestName, bytes);
    }

    DocumentManifest read(String manifestName, byte[] content) {
        String text = utf8(content);
        Map<String, String> fields = manifestName.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? csv(text) : json(text);
        List<String> problems = new ArrayList<>();
        Kind kind = kind(fields.get("type"), problems);
        String spvSlug = required(fields, "spvSlug", problems);
        if (fields.get("partnerInvestorId") == null && fields.get("personId") == null) {
            problems.add("partnerInvestorId or personId: required");
        }
        if (kind == Kind.FUNDING) {
            String amount = required(fields, "amount", problems);
            if (amount != null && !isPositiveDecimal(amount)) {
                problems.add("amount: a positive decimal such as 50000.00, not '" + amount + "'");
            }
            String currency = required(fields, "currency", problems);
            if (currency != null && !currency.matches("[A-Z]{3}")) {
                problems.add("currency: an ISO 4217 code such as USD, not '" + currency + "'");
            }
            required(fields, "wireReference", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFileException(problems);
        }
        String document = fields.getOrDefault("document", documentOf(manifestName));
        return new DocumentManifest(kind, document, spvSlug, fields.get("partnerInvestorId"), fields.get("personId"),
                fields.get("amount"), fields.get("currency"), fields.get("wireReference"));
    }

    /** The document a manifest describes by its name: {@code form.pdf.manifest.json} describes {@code form.pdf}. */
    static String documentOf(String manifestName) {
        int suffix = manifestName.toLowerCase(Locale.ROOT).lastIndexOf(SUFFIX);
        return suffix > 0 ? manifestName.substring(0, suffix) : null;
    }

    /**
     * Strict UTF-8, a byte order mark skipped: a byte that is not UTF-8 is an error naming where it is, never a
     * replacement character that would reach Zest as part of a slug or a wire reference.
     */
    static String utf8(byte[] content) {
        int start = Arrays.equals(content, 0, Math.min(BOM.length, content.length), BOM, 0, BOM.length)
                ? BOM.length : 0;
        ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
        CharBuffer out = CharBuffer.allocate(content.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new InvalidFileException(List.of(String.format(Locale.ROOT, "not UTF-8: byte 0x%02X at byte offset"
                    + " %d (line %d); save the manifest as UTF-8", content[offset] & 0xFF, offset,
                    lineAt(content, offset))));
        }
        return out.flip().toString();
    }

    private static int lineAt(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private Map<String, String> json(String content) {
        try {
            JsonNode root = json.readTree(content);
            if (root == null || !root.isObject()) {
                throw new InvalidFileException(List.of("the manifest must hold one JSON object"));
            }
            Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            root.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull() && !field.getValue().asText().isBlank()) {
                    fields.put(field.getKey(), field.getValue().asText().trim());
                }
            });
            return fields;
        } catch (IOException e) {
            throw new InvalidFileException(List.of("unreadable JSON: " + e.getMessage()));
        }
    }

    private static Map<String, String> csv(String content) {
        try (CSVParser parser = CSVParser.builder().setFormat(CsvFiles.WITH_HEADER)
                .setReader(new StringReader(content)).get()) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new InvalidFileException(List.of("the manifest must hold a header row and exactly one data row"));
            }
            Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            records.get(0).toMap().forEach((name, value) -> {
                if (value != null && !value.isBlank()) {
                    fields.put(name, value);
                }
            });
            return fields;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidFileException(List.of("unreadable CSV: " + e.getMessage()));
        }
    }

    private static Kind kind(String type, List<String> problems) {
        if (type != null) {
            try {
                return Kind.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problems.add("type: form or funding, not '" + type + "'");
        return null;
    }

    private static String required(Map<String, String> fields, String name, List<String> problems) {
        String value = fields.get(name);
        if (value == null) {
            problems.add(name + ": required");
        }
        return value;
    }

    private static boolean isPositiveDecimal(String amount) {
        try {
            return new BigDecimal(amount).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
