package cn.campusgate.campaign;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.jspecify.annotations.Nullable;

/**
 * A survey file read into rows: the first non-empty row of the first visible sheet is the header; empty rows are
 * skipped; row numbers are those Excel shows. Date cells come out as ISO dates, numbers without a trailing ".0".
 * A file that cannot be read at all is an {@link Unreadable} with a message key.
 */
final class SurveySheet {

    /** Most data rows one file may hold. */
    static final int MAX_ROWS = 20_000;

    record Header(SurveyColumn column, String label, String letter) {
    }

    record DataRow(int number, Map<SurveyColumn, String> values) {
        DataRow {
            values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(SurveyColumn.class) : new EnumMap<>(values));
        }

        String get(SurveyColumn column) {
            return values.getOrDefault(column, "");
        }
    }

    static final class Unreadable extends RuntimeException {
        private final String messageKey;
        private final transient Object[] arguments;

        Unreadable(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments.clone();
        }

        String messageKey() { return messageKey; }
        Object[] arguments() { return arguments.clone(); }
    }

    private final Map<SurveyColumn, Header> headers;
    private final List<DataRow> rows;

    private SurveySheet(Map<SurveyColumn, Header> headers, List<DataRow> rows) {
        this.headers = headers;
        this.rows = List.copyOf(rows);
    }

    Map<SurveyColumn, Header> headers() { return headers; }
    List<DataRow> rows() { return rows; }

    static SurveySheet read(@Nullable String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls") || name.endsWith(".et") || name.endsWith(".ods")) {
            throw new Unreadable("campaign.import.file.saveAsXlsx");
        }
        if (!name.endsWith(".xlsx")) {
            throw new Unreadable("campaign.import.file.extension");
        }
        if (content.length == 0) {
            throw new Unreadable("campaign.import.file.empty");
        }
        try (Workbook workbook = cn.campusgate.core.Spreadsheets.open(content)) {
            Sheet sheet = null;
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                    sheet = workbook.getSheetAt(i);
                    break;
                }
            }
            if (sheet == null) {
                throw new Unreadable("campaign.import.file.empty");
            }
            return read(sheet);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable unreadable) {
                throw unreadable;
            }
            throw new Unreadable("campaign.import.file.unreadable");
        }
    }

    private static SurveySheet read(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        Map<SurveyColumn, Header> headers = new EnumMap<>(SurveyColumn.class);
        Map<Integer, SurveyColumn> byIndex = new java.util.HashMap<>();
        List<DataRow> rows = new ArrayList<>();
        boolean headerFound = false;
        for (Row row : sheet) {
            if (!headerFound) {
                boolean any = false;
                for (Cell cell : row) {
                    String text = formatter.formatCellValue(cell).strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    any = true;
                    SurveyColumn column = SurveyColumn.byHeader(text);
                    if (column != null && !headers.containsKey(column)) {
                        headers.put(column, new Header(column, text, CellReference.convertNumToColString(cell.getColumnIndex())));
                        byIndex.put(cell.getColumnIndex(), column);
                    }
                }
                if (any) {
                    headerFound = true;
                    List<SurveyColumn> missing = java.util.Arrays.stream(SurveyColumn.values())
                            .filter(SurveyColumn::required).filter(c -> !headers.containsKey(c)).toList();
                    if (!missing.isEmpty()) {
                        throw new Unreadable("campaign.import.file.missingColumns", missing);
                    }
                }
                continue;
            }
            Map<SurveyColumn, String> values = new EnumMap<>(SurveyColumn.class);
            for (Map.Entry<Integer, SurveyColumn> at : byIndex.entrySet()) {
                String value = value(row.getCell(at.getKey()), formatter);
                if (!value.isEmpty()) {
                    values.put(at.getValue(), value);
                }
            }
            if (values.isEmpty()) {
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new Unreadable("campaign.import.file.tooManyRows", MAX_ROWS);
            }
            rows.add(new DataRow(row.getRowNum() + 1, values));
        }
        if (!headerFound) {
            throw new Unreadable("campaign.import.file.empty");
        }
        if (rows.isEmpty()) {
            throw new Unreadable("campaign.import.file.noRows");
        }
        return new SurveySheet(headers, rows);
    }

    private static String value(@Nullable Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                LocalDateTime at = cell.getLocalDateTimeCellValue();
                return at == null ? "" : at.toLocalDate().toString();
            }
            double number = cell.getNumericCellValue();
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number)
                    : java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return cell.getBooleanCellValue() ? "是" : "否";
        }
        if (type == CellType.ERROR) {
            return "#ERROR";
        }
        return formatter.formatCellValue(cell).strip();
    }

    /** A date as officials type it: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, 20240305. */
    static @Nullable LocalDate date(String text) {
        String t = text.strip().replace('年', '-').replace('月', '-').replace("日", "").replace('/', '-').replace('.', '-');
        try {
            if (t.matches("\\d{8}")) {
                return LocalDate.of(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(4, 6)),
                        Integer.parseInt(t.substring(6)));
            }
            String[] parts = t.split("-");
            if (parts.length == 3) {
                return LocalDate.of(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()),
                        Integer.parseInt(parts[2].strip()));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
