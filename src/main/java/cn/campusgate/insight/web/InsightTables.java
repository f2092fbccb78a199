package cn.campusgate.insight.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.campusgate.insight.Dashboard;
import cn.campusgate.insight.FactKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Every figure of a dashboard as a table (header first), and a table as CSV (UTF-8 with BOM) or XLSX. */
@Component
class InsightTables {

    static final List<String> FIGURES = List.of("summary", "monthly", "departments", "towns", "load", "clusters");

    private final MessageSource messages;

    InsightTables(MessageSource messages) {
        this.messages = messages;
    }

    List<List<String>> table(Dashboard d, String figure, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        switch (figure) {
            case "summary" -> {
                rows.add(List.of(t("insight.col.figure", locale), t("insight.col.value", locale)));
                for (FactKind kind : FactKind.values()) {
                    rows.add(List.of(t("insight.kind." + kind, locale), String.valueOf(d.total(kind).facts())));
                }
                rows.add(List.of(t("insight.fig.classHours", locale), number(d.total(FactKind.SENTINEL_RECORD).hours()
                        + d.total(FactKind.SURVEY_AFFAIR).hours())));
                rows.add(List.of(t("insight.fig.handlingDays", locale), number(d.total(FactKind.CASE_CLOSED).averageDays())));
                if (d.itemCap() != null) {
                    rows.add(List.of(t("insight.fig.itemCap", locale), String.valueOf(d.itemCap())));
                }
                rows.add(List.of(t("insight.fig.semesterCap", locale), String.valueOf(d.semesterCap())));
            }
            case "monthly" -> {
                List<String> head = new ArrayList<>();
                head.add(t("insight.col.month", locale));
                Dashboard.TREND_KINDS.forEach(k -> head.add(t("insight.kind." + k, locale)));
                rows.add(head);
                for (Dashboard.Month m : d.months()) {
                    List<String> row = new ArrayList<>();
                    row.add(m.month().toString().substring(0, 7));
                    Dashboard.TREND_KINDS.forEach(k -> row.add(String.valueOf(m.count(k))));
                    rows.add(row);
                }
            }
            case "departments", "towns" -> {
                List<String> head = new ArrayList<>();
                head.add(t(figure.equals("towns") ? "insight.col.town" : "insight.col.department", locale));
                Dashboard.RANKED_KINDS.forEach(k -> head.add(t("insight.kind." + k, locale)));
                rows.add(head);
                for (Dashboard.Ranked r : figure.equals("towns") ? d.towns() : d.departments()) {
                    List<String> row = new ArrayList<>();
                    row.add(r.name());
                    Dashboard.RANKED_KINDS.forEach(k -> row.add(String.valueOf(r.count(k))));
                    rows.add(row);
                }
            }
            case "load" -> {
                rows.add(List.of(t("insight.col.activitiesPerSemester", locale), t("insight.col.schoolSemesters", locale)));
                d.load().spread().forEach((bucket, n) -> rows.add(List.of(bucket, String.valueOf(n))));
            }
            case "clusters" -> {
                rows.add(List.of(t("insight.col.theme", locale), t("insight.col.similar", locale), t("insight.col.departments", locale)));
                d.clusters().forEach(c -> rows.add(List.of(c.theme(), String.join("；", c.themes()), String.join("、", c.departments()))));
            }
            default -> throw new IllegalArgumentException(figure);
        }
        return rows;
    }

    static byte[] csv(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(String sheetName, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    String v = values.get(c);
                    if (r > 0 && v.matches("-?\\d+(\\.\\d+)?")) {
                        row.createCell(c).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            for (int c = 0; c < (rows.isEmpty() ? 0 : rows.getFirst().size()); c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
