package cn.campusgate.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * Writes the .xlsx template: a "学校" sheet with the header row and one example row (its name starts
 * with 示例, so an import refuses it until deleted), drop-downs for stage, town and monitoring, and a
 * second sheet that explains every column and lists the towns the administrator may use.
 */
final class SchoolImportTemplate {

    private static final int TOWN_LIST_COLUMN = 5; // F on the instructions sheet

    private SchoolImportTemplate() {
    }

    static byte[] write(Locale locale, MessageSource messages, List<String> towns, List<String> stages) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet data = workbook.createSheet(text(messages, "school-import.template.sheet", locale));
            Sheet help = workbook.createSheet(text(messages, "school-import.template.helpSheet", locale));

            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle requiredHeader = workbook.createCellStyle();
            requiredHeader.cloneStyleFrom(header);
            Font boldRed = workbook.createFont();
            boldRed.setBold(true);
            boldRed.setColor(IndexedColors.DARK_RED.getIndex());
            requiredHeader.setFont(boldRed);
            CellStyle textCells = workbook.createCellStyle();
            textCells.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle example = workbook.createCellStyle();
            Font grey = workbook.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            example.setFont(grey);
            example.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);

            // The data sheet: header, example row, text format for code and phone, drop-downs.
            Row headerRow = data.createRow(0);
            Row exampleRow = data.createRow(1);
            String firstTown = towns.isEmpty() ? "二郎镇" : towns.getFirst();
            String[] exampleValues = {
                    text(messages, "school-import.template.example.name", locale),
                    "2150117999", stages.getFirst(), firstTown,
                    "en".equals(locale.getLanguage()) ? "N" : "否",
                    text(messages, "school-import.template.example.address", locale),
                    "023-42800000"};
            int[] widths = {36, 16, 18, 18, 12, 36, 18};
            for (SchoolColumn column : SchoolColumn.values()) {
                int i = column.ordinal();
                var cell = headerRow.createCell(i);
                cell.setCellValue(column.header(locale));
                cell.setCellStyle(column.required() ? requiredHeader : header);
                var value = exampleRow.createCell(i);
                value.setCellValue(exampleValues[i]);
                value.setCellStyle(example);
                data.setColumnWidth(i, widths[i] * 256);
                if (column == SchoolColumn.CODE || column == SchoolColumn.PHONE) {
                    data.setDefaultColumnStyle(i, textCells); // keeps a 10-digit code from turning into 2.15E+09
                }
            }
            data.createFreezePane(0, 1);
            DataValidationHelper validations = data.getDataValidationHelper();
            int lastRow = SchoolSheet.MAX_ROWS + 1;
            addList(data, validations, validations.createExplicitListConstraint(stages.toArray(String[]::new)),
                    SchoolColumn.STAGE, lastRow);
            addList(data, validations, validations.createExplicitListConstraint(
                    "en".equals(locale.getLanguage()) ? new String[]{"Y", "N"} : new String[]{"是", "否"}),
                    SchoolColumn.MONITORING, lastRow);

            // The instructions sheet.
            int r = 0;
            Row title = help.createRow(r++);
            title.createCell(0).setCellValue(text(messages, "school-import.template.title", locale));
            title.getCell(0).setCellStyle(header);
            r++;
            for (String key : List.of("school-import.template.note.header", "school-import.template.note.example",
                    "school-import.template.note.allOrNothing", "school-import.template.note.limit")) {
                help.createRow(r++).createCell(0).setCellValue(messages.getMessage(key,
                        new Object[]{String.valueOf(SchoolSheet.MAX_ROWS)}, key, locale));
            }
            r++;
            Row tableHead = help.createRow(r++);
            String[] heads = {"school-import.table.chinese", "school-import.table.english",
                    "school-import.table.required", "school-import.table.rule"};
            for (int i = 0; i < heads.length; i++) {
                tableHead.createCell(i).setCellValue(text(messages, heads[i], locale));
                tableHead.getCell(i).setCellStyle(header);
            }
            for (SchoolColumn column : SchoolColumn.values()) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(column.chineseHeader());
                row.createCell(1).setCellValue(column.englishHeader());
                row.createCell(2).setCellValue(text(messages, column.required() ? "common.yes" : "common.no", locale));
                row.createCell(3).setCellValue(messages.getMessage(column.helpKey(),
                        new Object[]{String.valueOf(SchoolSheet.MAX_ROWS)}, column.helpKey(), locale));
                row.getCell(3).setCellStyle(wrap);
            }
            help.setColumnWidth(0, 16 * 256);
            help.setColumnWidth(1, 14 * 256);
            help.setColumnWidth(2, 10 * 256);
            help.setColumnWidth(3, 70 * 256);
            help.setColumnWidth(TOWN_LIST_COLUMN, 24 * 256);

            // The towns the administrator may use: listed, and offered as the town drop-down.
            Row townHead = help.getRow(0);
            townHead.createCell(TOWN_LIST_COLUMN).setCellValue(text(messages, "school-import.template.towns", locale));
            townHead.getCell(TOWN_LIST_COLUMN).setCellStyle(header);
            for (int i = 0; i < towns.size(); i++) {
                Row row = help.getRow(i + 1) != null ? help.getRow(i + 1) : help.createRow(i + 1);
                row.createCell(TOWN_LIST_COLUMN).setCellValue(towns.get(i));
            }
            if (!towns.isEmpty()) {
                String range = "'" + help.getSheetName() + "'!$F$2:$F$" + (towns.size() + 1);
                addList(data, validations, validations.createFormulaListConstraint(range), SchoolColumn.TOWN, lastRow);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A drop-down that suggests but does not insist: the import accepts other spellings (初中, Y, …). */
    private static void addList(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint,
                                SchoolColumn column, int lastRow) {
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(1, lastRow - 1, column.ordinal(), column.ordinal()));
        validation.setSuppressDropDownArrow(true);
        validation.setShowErrorBox(false);
        sheet.addValidationData(validation);
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
