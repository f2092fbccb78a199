package cn.campusgate.campaign;

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
 * The survey template (排查摸底表): the header row (required columns in red), date and text formats, drop-downs for
 * the category, yes/no and the department, and a sheet explaining each column. It has no example row, so a file
 * downloaded and filled in imports as it is.
 */
final class SurveyTemplate {

    private static final int DEPARTMENT_LIST_COLUMN = 5;

    private SurveyTemplate() {
    }

    static byte[] write(Locale locale, MessageSource messages, List<String> departments) {
        boolean english = "en".equals(locale.getLanguage());
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet data = workbook.createSheet(text(messages, "campaign.template.sheet", locale));
            Sheet help = workbook.createSheet(text(messages, "campaign.template.helpSheet", locale));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle required = workbook.createCellStyle();
            required.cloneStyleFrom(header);
            Font red = workbook.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            required.setFont(red);
            CellStyle dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);

            Row head = data.createRow(0);
            int[] widths = {32, 20, 16, 14, 28, 10, 14, 48, 16, 16};
            for (SurveyColumn column : SurveyColumn.values()) {
                int i = column.ordinal();
                var cell = head.createCell(i);
                cell.setCellValue(column.header(locale));
                cell.setCellStyle(column.required() ? required : header);
                data.setColumnWidth(i, widths[i] * 256);
                if (column == SurveyColumn.OCCURRED_ON) {
                    data.setDefaultColumnStyle(i, dates);
                }
            }
            data.createFreezePane(0, 1);
            DataValidationHelper validations = data.getDataValidationHelper();
            int last = SurveySheet.MAX_ROWS + 1;
            String[] kinds = java.util.Arrays.stream(AffairKind.values())
                    .map(k -> text(messages, "campaign.kind." + k, locale)).toArray(String[]::new);
            String[] yesNo = english ? new String[]{"Y", "N"} : new String[]{"是", "否"};
            addList(data, validations, validations.createExplicitListConstraint(kinds), SurveyColumn.KIND, last);
            for (SurveyColumn c : List.of(SurveyColumn.APPROVED, SurveyColumn.CHARGES, SurveyColumn.TEACHERS_LEAVE)) {
                addList(data, validations, validations.createExplicitListConstraint(yesNo), c, last);
            }

            int r = 0;
            Row title = help.createRow(r++);
            title.createCell(0).setCellValue(text(messages, "campaign.template.title", locale));
            title.getCell(0).setCellStyle(header);
            r++;
            for (String key : List.of("campaign.template.note.header", "campaign.template.note.allOrNothing",
                    "campaign.template.note.repeat", "campaign.template.note.limit")) {
                help.createRow(r++).createCell(0).setCellValue(messages.getMessage(key,
                        new Object[]{String.valueOf(SurveySheet.MAX_ROWS)}, key, locale));
            }
            r++;
            Row tableHead = help.createRow(r++);
            String[] heads = {"campaign.template.col.chinese", "campaign.template.col.english",
                    "campaign.template.col.required", "campaign.template.col.rule"};
            for (int i = 0; i < heads.length; i++) {
                tableHead.createCell(i).setCellValue(text(messages, heads[i], locale));
                tableHead.getCell(i).setCellStyle(header);
            }
            for (SurveyColumn column : SurveyColumn.values()) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(column.chineseHeader());
                row.createCell(1).setCellValue(column.englishHeader());
                row.createCell(2).setCellValue(text(messages, column.required() ? "campaign.yes" : "campaign.no", locale));
                row.createCell(3).setCellValue(text(messages, column.helpKey(), locale));
                row.getCell(3).setCellStyle(wrap);
            }
            help.setColumnWidth(0, 18 * 256);
            help.setColumnWidth(1, 18 * 256);
            help.setColumnWidth(2, 8 * 256);
            help.setColumnWidth(3, 70 * 256);
            help.setColumnWidth(DEPARTMENT_LIST_COLUMN, 26 * 256);
            Row listHead = help.getRow(0);
            listHead.createCell(DEPARTMENT_LIST_COLUMN).setCellValue(text(messages, "campaign.template.departments", locale));
            listHead.getCell(DEPARTMENT_LIST_COLUMN).setCellStyle(header);
            for (int i = 0; i < departments.size(); i++) {
                Row row = help.getRow(i + 1) != null ? help.getRow(i + 1) : help.createRow(i + 1);
                row.createCell(DEPARTMENT_LIST_COLUMN).setCellValue(departments.get(i));
            }
            if (!departments.isEmpty()) {
                String range = "'" + help.getSheetName() + "'!$F$2:$F$" + (departments.size() + 1);
                addList(data, validations, validations.createFormulaListConstraint(range), SurveyColumn.DEPARTMENT, last);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A drop-down that suggests but does not insist: a body outside the list (a company, say) may be written too. */
    private static void addList(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint,
                                SurveyColumn column, int lastRow) {
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
