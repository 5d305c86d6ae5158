package dev.camelzest.routes.investors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.camelzest.routes.filedrop.CsvRowReader;
import dev.camelzest.routes.filedrop.CsvRows;
import dev.camelzest.routes.filedrop.ReadLimits;
import dev.camelzest.routes.filedrop.RowError;
import dev.camelzest.routes.filedrop.UnreadableFileException;
import org.apache.commons.csv.CSVRecord;

/** Reads an investor CSV file with a header row, record by record ({@link CsvRowReader}). */
final class CsvInvestorReader extends CsvRowReader<InvestorRow> {

    /** The position of each field's column; resolved once, since a lookup by name ignores case and is slow. */
    private final Map<InvestorField, Integer> columns = new EnumMap<>(InvestorField.class);
    private final int headerSize;

    CsvInvestorReader(Path file, HeaderMapping mapping, char delimiter, ReadLimits limits) {
        super(file, delimiter, limits);
        headerSize = headerNames().size();
        resolveColumns(mapping);
    }

    private void resolveColumns(HeaderMapping mapping) {
        Map<String, Integer> header = header();
        List<String> missing = new ArrayList<>();
        for (InvestorField field : InvestorField.values()) {
            String column = mapping.column(field);
            if (header.containsKey(column)) {
                columns.put(field, header.get(column));
            } else if (field.required()) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            close();
            throw new UnreadableFileException("The CSV header " + headerNames()
                    + " lacks the required column(s) " + missing);
        }
    }

    @Override
    protected InvestorRow row(CsvRows.Row row) {
        CSVRecord record = row.record();
        RowError readError = row.readError();
        if (readError == null && record.size() != headerSize) {
            readError = RowError.invalid("format", null, "The row has " + record.size() + " columns, the header has "
                    + headerSize);
        }
        return new InvestorRow(row.rowNumber(),
                value(record, InvestorField.PARTNER_INVESTOR_ID), value(record, InvestorField.EMAIL),
                value(record, InvestorField.FIRST_NAME), value(record, InvestorField.LAST_NAME),
                value(record, InvestorField.DATE_OF_BIRTH), value(record, InvestorField.COUNTRY_OF_RESIDENCE),
                readError);
    }

    private String value(CSVRecord record, InvestorField field) {
        return value(record, columns.get(field));
    }
}
