package cn.campusgate.organization;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.jspecify.annotations.Nullable;

/**
 * A school import file read into rows: the header row (the first non-empty row) says which column is
 * which; empty rows are skipped; row numbers are the ones Excel shows, so the header is usually row 1.
 * Reads {@code .xlsx} (first visible sheet) and {@code .csv} (UTF-8 with or without BOM, UTF-16 with
 * BOM, otherwise GB18030 as Excel on Chinese Windows writes it). Anything that keeps the whole file
 * from being read is an {@link Unreadable} carrying a message key.
 */
final class SchoolSheet {

    /** Most data rows one file may hold. */
    static final int MAX_ROWS = 5000;

    /** A recognised header cell: which column, the text as written in the file and its column letter. */
    record Header(SchoolColumn column, String label, String letter) {
    }

    /** One non-empty data row: values of the recognised columns, stripped, never null. */
    record DataRow(int number, Map<SchoolColumn, String> values) {
        DataRow {
            values = Collections.unmodifiableMap(new EnumMap<>(values));
        }

        String get(SchoolColumn column) {
            return values.getOrDefault(column, "");
        }
    }

    /** The whole file cannot be imported; nothing about single rows is known. */
    static final class Unreadable extends RuntimeException {
        private final String messageKey;
        private final transient Object[] arguments;

        Unreadable(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments.clone();
        }

        String messageKey() {
            return messageKey;
        }

        Object[] arguments() {
            return arguments.clone();
        }
    }

    private final Map<SchoolColumn, Header> headers;
    private final List<DataRow> rows;

    private SchoolSheet(Map<SchoolColumn, Header> headers, List<DataRow> rows) {
        this.headers = Collections.unmodifiableMap(new EnumMap<>(headers));
        this.rows = List.copyOf(rows);
    }

    Map<SchoolColumn, Header> headers() {
        return headers;
    }

    List<DataRow> rows() {
        return rows;
    }

    /** Reads the file, choosing the format by the file name's extension. */
    static SchoolSheet read(@Nullable String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return readXlsx(content);
        }
        if (name.endsWith(".csv")) {
            return readCsv(content);
        }
        if (name.endsWith(".xls") || name.endsWith(".et") || name.endsWith(".numbers") || name.endsWith(".ods")) {
            throw new Unreadable("school-import.file.saveAsXlsx");
        }
        throw new Unreadable("school-import.file.extension");
    }

    // ---------------------------------------------------------------- xlsx

    static SchoolSheet readXlsx(byte[] content) {
        if (content.length == 0) {
            throw new Unreadable("school-import.file.empty");
        }
        try (Workbook workbook = cn.campusgate.core.Spreadsheets.open(content)) {
            Sheet sheet = firstVisibleSheet(workbook);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Iterator<Row> iterator = sheet.rowIterator();
            Iterator<RawRow> raw = new Iterator<>() {
                public boolean hasNext() {
                    return iterator.hasNext();
                }

                public RawRow next() {
                    Row row = iterator.next();
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                        cells.add(text(row.getCell(i), formatter));
                    }
                    return new RawRow(row.getRowNum() + 1, cells);
                }
            };
            return assemble(raw);
        } catch (Unreadable e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Not a zip, an encrypted workbook, broken XML, a zip bomb: POI has many ways to say "corrupt".
            throw new Unreadable("school-import.file.corrupt");
        }
    }

    private static Sheet firstVisibleSheet(Workbook workbook) {
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                return workbook.getSheetAt(i);
            }
        }
        throw new Unreadable("school-import.file.empty");
    }

    /** A cell as the person sees it: long numbers in full (a 10-digit code must not become 2.15E+09). */
    static String text(@Nullable Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> clean(cell.getStringCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> {
                double value = cell.getNumericCellValue();
                int format = cell.getCellStyle().getDataFormat();
                String pattern = cell.getCellStyle().getDataFormatString();
                boolean general = format == 0 || pattern == null || "General".equalsIgnoreCase(pattern) || "@".equals(pattern);
                if (!DateUtil.isCellDateFormatted(cell) && general) {
                    yield BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
                }
                yield clean(formatter.formatRawCellContents(value, format, pattern));
            }
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
    }

    // ---------------------------------------------------------------- csv

    static SchoolSheet readCsv(byte[] content) {
        String text = decode(content);
        if (text.isBlank()) {
            throw new Unreadable("school-import.file.empty");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiterOf(text))
                .setIgnoreEmptyLines(false) // keeps record numbers equal to the rows Excel shows
                .get();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            Iterator<CSVRecord> records = parser.iterator();
            Iterator<RawRow> raw = new Iterator<>() {
                public boolean hasNext() {
                    return records.hasNext();
                }

                public RawRow next() {
                    CSVRecord record = records.next();
                    return new RawRow((int) record.getRecordNumber(), record.stream().map(SchoolSheet::clean).toList());
                }
            };
            return assemble(raw);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // An unbalanced quote or a stray character after a closing quote.
            throw new Unreadable("school-import.file.csvMalformed");
        }
    }

    /** UTF-8 (BOM optional), UTF-16 with a BOM, else GB18030; bytes valid in none make the file unreadable. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strictDecode(bytes, 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return strictDecode(bytes, 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return strictDecode(bytes, 2, StandardCharsets.UTF_16BE);
        }
        try {
            return decodeOrFail(bytes, 0, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return strictDecode(bytes, 0, Charset.forName("GB18030"));
        }
    }

    private static String strictDecode(byte[] bytes, int offset, Charset charset) {
        try {
            return decodeOrFail(bytes, offset, charset);
        } catch (CharacterCodingException e) {
            throw new Unreadable("school-import.file.encoding");
        }
    }

    private static String decodeOrFail(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }

    /** Comma as Excel writes it; a header line with more tabs or semicolons than commas uses those. */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        long commas = firstLine.chars().filter(c -> c == ',').count();
        long tabs = firstLine.chars().filter(c -> c == '\t').count();
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        if (semicolons > commas) {
            return ';';
        }
        return ',';
    }

    // ---------------------------------------------------------------- common

    private record RawRow(int number, List<String> cells) {
        boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    private static SchoolSheet assemble(Iterator<RawRow> raw) {
        RawRow headerRow = null;
        while (raw.hasNext()) {
            RawRow row = raw.next();
            if (!row.blank()) {
                headerRow = row;
                break;
            }
        }
        if (headerRow == null) {
            throw new Unreadable("school-import.file.empty");
        }
        Map<SchoolColumn, Integer> positions = new EnumMap<>(SchoolColumn.class);
        Map<SchoolColumn, Header> headers = new EnumMap<>(SchoolColumn.class);
        for (int i = 0; i < headerRow.cells().size(); i++) {
            String label = headerRow.cell(i);
            int index = i;
            SchoolColumn.ofHeader(label).ifPresent(column -> {
                Header previous = headers.get(column);
                if (previous != null) {
                    throw new Unreadable("school-import.file.duplicateColumn", label, previous.letter(), letter(index));
                }
                positions.put(column, index);
                headers.put(column, new Header(column, label, letter(index)));
            });
        }
        List<SchoolColumn> missing = java.util.Arrays.stream(SchoolColumn.values())
                .filter(column -> column.required() && !headers.containsKey(column)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable("school-import.file.missingColumns", String.valueOf(headerRow.number()), missing);
        }
        List<DataRow> rows = new ArrayList<>();
        while (raw.hasNext()) {
            RawRow row = raw.next();
            Map<SchoolColumn, String> values = new EnumMap<>(SchoolColumn.class);
            positions.forEach((column, index) -> values.put(column, row.cell(index)));
            if (values.values().stream().allMatch(String::isEmpty)) {
                continue; // an empty row, or one with notes in columns we do not import
            }
            if (rows.size() == MAX_ROWS) {
                throw new Unreadable("school-import.file.tooManyRows", String.valueOf(MAX_ROWS));
            }
            rows.add(new DataRow(row.number(), values));
        }
        if (rows.isEmpty()) {
            throw new Unreadable("school-import.file.noRows");
        }
        return new SchoolSheet(headers, rows);
    }

    static String letter(int index) {
        return CellReference.convertNumToColString(index);
    }

    /** Stripped of surrounding (also full-width and non-breaking) spaces and of a stray BOM. */
    static String clean(@Nullable String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\uFEFF", "").replace('\u00A0', ' ').strip();
    }
}
