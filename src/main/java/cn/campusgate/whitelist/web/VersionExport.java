package cn.campusgate.whitelist.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.campusgate.whitelist.PublishedVersion;
import cn.campusgate.whitelist.WhitelistEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A published version as a file anyone may download: CSV (UTF-8 with a byte-order mark, so spreadsheet
 * programs read the Chinese), XLSX, or JSON. The spreadsheets carry the Chinese column heads officials use.
 */
@Component
class VersionExport {

    static final List<String> COLUMNS = List.of("title", "theme", "department", "basis", "content", "form", "stages",
            "grades", "schools", "startsOn", "endsOn", "frequency", "deliveryMode", "integrationChannel", "exempt",
            "status", "removalReason");

    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    VersionExport(MessageSource messages) {
        this.messages = messages;
    }

    byte[] csv(PublishedVersion version) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT)) {
            printer.printRecord(heads());
            for (WhitelistEntry entry : version.entries()) {
                printer.printRecord(row(entry));
            }
        }
        return bytes.toByteArray();
    }

    byte[] xlsx(PublishedVersion version) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(text("whitelist.export.sheet", version.number()));
            write(sheet.createRow(0), heads());
            int r = 1;
            for (WhitelistEntry entry : version.entries()) {
                write(sheet.createRow(r++), row(entry));
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        }
    }

    byte[] json(PublishedVersion version) {
        return json.writeValueAsBytes(version);
    }

    private static void write(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }

    private List<String> heads() {
        List<String> heads = new ArrayList<>();
        heads.add(text("whitelist.export.no"));
        COLUMNS.forEach(c -> heads.add(text("whitelist.export.column." + c)));
        return heads;
    }

    private List<String> row(WhitelistEntry e) {
        return List.of(String.valueOf(e.id()), e.title(), orDash(e.theme()), e.departmentName(), orDash(e.basis()),
                orDash(e.content()), orDash(e.form()),
                e.stages().stream().map(s -> text("enum.SchoolStage." + s)).sorted().collect(Collectors.joining("、")),
                orDash(e.targetGrades()), orDash(e.targetSchools()), e.startsOn().toString(), e.endsOn().toString(),
                e.frequency() == null ? "—" : text("enum.Frequency." + e.frequency()),
                e.deliveryMode() == null ? "—" : text("enum.DeliveryMode." + e.deliveryMode()),
                e.integrationChannel() == null ? "—" : text("enum.IntegrationChannel." + e.integrationChannel()),
                text(e.exempt() ? "whitelist.export.yes" : "whitelist.export.no.value"),
                text(e.removed() ? "whitelist.export.removed" : "whitelist.export.listed"), orDash(e.removalReason()));
    }

    private static String orDash(@Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
