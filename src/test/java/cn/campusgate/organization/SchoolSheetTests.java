package cn.campusgate.organization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.campusgate.organization.SchoolSheet.DataRow;
import cn.campusgate.organization.SchoolSheet.Unreadable;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading import files: formats, encodings, headers, empty rows and the file-level refusals. */
class SchoolSheetTests {

    private static final String HEADER = "学校名称,学校标识码,学段,所属镇街,是否监测点,地址,联系电话";
    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void readsUtf8CsvWithByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (HEADER + "\r\n合川区二郎镇第三小学,2150117801,小学,二郎镇,是,二郎镇正街 3 号,023-42810001\r\n")
                .getBytes(StandardCharsets.UTF_8);
        SchoolSheet sheet = SchoolSheet.read("学校.csv", concat(bom, body));

        assertThat(sheet.headers()).containsKeys(SchoolColumn.values());
        assertThat(sheet.headers().get(SchoolColumn.NAME).label()).isEqualTo("学校名称"); // the BOM is not part of it
        assertThat(sheet.rows()).singleElement().satisfies(row -> {
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.get(SchoolColumn.NAME)).isEqualTo("合川区二郎镇第三小学");
            assertThat(row.get(SchoolColumn.CODE)).isEqualTo("2150117801");
            assertThat(row.get(SchoolColumn.MONITORING)).isEqualTo("是");
            assertThat(row.get(SchoolColumn.ADDRESS)).isEqualTo("二郎镇正街 3 号");
        });
    }

    @Test
    void readsUtf8CsvWithoutByteOrderMark() {
        byte[] body = (HEADER + "\n合川区太和镇第三小学,2150117802,初中,太和镇,,,\n").getBytes(StandardCharsets.UTF_8);
        assertThat(SchoolSheet.read("a.CSV", body).rows()).singleElement()
                .satisfies(row -> assertThat(row.get(SchoolColumn.STAGE)).isEqualTo("初中"));
    }

    @Test
    void readsGb18030CsvAsExcelOnChineseWindowsSavesIt() {
        byte[] body = (HEADER + "\r\n合川区钱塘镇第三小学,2150117803,九年一贯制学校,钱塘镇,否,,\r\n").getBytes(GB18030);
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("钱塘镇"); // really not UTF-8

        SchoolSheet sheet = SchoolSheet.read("gbk.csv", body);

        assertThat(sheet.rows()).singleElement().satisfies(row -> {
            assertThat(row.get(SchoolColumn.NAME)).isEqualTo("合川区钱塘镇第三小学");
            assertThat(row.get(SchoolColumn.STAGE)).isEqualTo("九年一贯制学校");
            assertThat(row.get(SchoolColumn.TOWN)).isEqualTo("钱塘镇");
        });
    }

    @Test
    void readsXlsxWithNumericCodesBooleansAndGaps() throws IOException {
        byte[] file = xlsx(sheet -> {
            header(sheet.createRow(0), "学校名称", "学校标识码", "学段", "所属镇街", "是否监测点", "联系电话");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("合川区龙市镇第三小学");
            first.createCell(1).setCellValue(2150117804d); // typed as a number in Excel
            first.createCell(2).setCellValue("小学");
            first.createCell(3).setCellValue("龙市镇");
            first.createCell(4).setCellValue(true);
            first.createCell(5).setCellValue(13800138000d);
            sheet.createRow(2).createCell(0).setCellValue("   "); // blank row with a stray space
            Row third = sheet.createRow(4);                        // row 4 missing altogether
            third.createCell(0).setCellValue(" 合川区龙市镇第四小学 ");
            third.createCell(1).setCellValue("2150117805");
            third.createCell(2).setCellValue("PRIMARY");
            third.createCell(3).setCellValue("龙市镇");
        });

        SchoolSheet sheet = SchoolSheet.read("schools.xlsx", file);

        assertThat(sheet.rows()).extracting(DataRow::number).containsExactly(2, 5);
        DataRow first = sheet.rows().getFirst();
        assertThat(first.get(SchoolColumn.CODE)).isEqualTo("2150117804");
        assertThat(first.get(SchoolColumn.MONITORING)).isEqualTo("true");
        assertThat(first.get(SchoolColumn.PHONE)).isEqualTo("13800138000");
        assertThat(first.get(SchoolColumn.ADDRESS)).isEmpty(); // no such column: empty, not missing
        assertThat(sheet.rows().get(1).get(SchoolColumn.NAME)).isEqualTo("合川区龙市镇第四小学");
        assertThat(sheet.headers().get(SchoolColumn.PHONE).letter()).isEqualTo("F");
    }

    @Test
    void acceptsEnglishHeadersInAnyOrderWithRequiredMarkers() {
        byte[] body = ("town,*code,Name (required),stage,notes\n二郎镇,2150117806,合川区二郎镇第四小学,SPECIAL,anything\n")
                .getBytes(StandardCharsets.UTF_8);

        SchoolSheet sheet = SchoolSheet.read("english.csv", body);

        assertThat(sheet.headers().get(SchoolColumn.CODE).letter()).isEqualTo("B");
        assertThat(sheet.headers().get(SchoolColumn.NAME).label()).isEqualTo("Name (required)");
        assertThat(sheet.rows()).singleElement().satisfies(row -> {
            assertThat(row.get(SchoolColumn.TOWN)).isEqualTo("二郎镇");
            assertThat(row.get(SchoolColumn.NAME)).isEqualTo("合川区二郎镇第四小学");
            assertThat(row.get(SchoolColumn.STAGE)).isEqualTo("SPECIAL");
        });
    }

    @Test
    void skipsBlankRowsButKeepsExcelRowNumbers() {
        String csv = "\n" + HEADER + "\n"                      // a blank line above the header: header is row 2
                + "合川区二郎镇第五小学,2150117807,小学,二郎镇,,,\n"  // row 3
                + "\n"                                         // row 4: empty
                + ",,,,,,\n"                                   // row 5: only separators
                + "\"合川区二郎镇\n第六小学\",2150117808,小学,二郎镇,,,\n" // row 6, a quoted line break
                + "合川区二郎镇第七小学,2150117809,小学,二郎镇,,,\n"; // row 7
        SchoolSheet sheet = SchoolSheet.read("blank.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(sheet.rows()).extracting(DataRow::number).containsExactly(3, 6, 7);
    }

    @Test
    void detectsTabAndSemicolonSeparatedFiles() {
        String tabs = "学校名称\t学校标识码\t学段\t所属镇街\n合川区二郎镇第八小学\t2150117810\t小学\t二郎镇\n";
        String semicolons = "学校名称;学校标识码;学段;所属镇街\n合川区二郎镇第九小学;2150117811;小学;二郎镇\n";
        assertThat(SchoolSheet.read("t.csv", tabs.getBytes(StandardCharsets.UTF_8)).rows().getFirst()
                .get(SchoolColumn.CODE)).isEqualTo("2150117810");
        assertThat(SchoolSheet.read("s.csv", semicolons.getBytes(StandardCharsets.UTF_8)).rows().getFirst()
                .get(SchoolColumn.CODE)).isEqualTo("2150117811");
    }

    @Test
    void refusesOtherExtensions() {
        assertThat(unreadable("schools.txt", "x".getBytes(StandardCharsets.UTF_8)).messageKey())
                .isEqualTo("school-import.file.extension");
        assertThat(unreadable("schools.xls", new byte[]{1, 2}).messageKey()).isEqualTo("school-import.file.saveAsXlsx");
        assertThat(unreadable("", new byte[]{1}).messageKey()).isEqualTo("school-import.file.extension");
    }

    @Test
    void namesTheMissingRequiredColumns() {
        Unreadable e = unreadable("a.csv", "学校名称,学校标识码,地址\nx,1,y\n".getBytes(StandardCharsets.UTF_8));
        assertThat(e.messageKey()).isEqualTo("school-import.file.missingColumns");
        assertThat(e.arguments()[0]).isEqualTo("1");
        assertThat(e.arguments()[1]).isEqualTo(List.of(SchoolColumn.STAGE, SchoolColumn.TOWN));
    }

    @Test
    void refusesARepeatedColumn() {
        Unreadable e = unreadable("a.csv", "学校名称,学校标识码,学段,所属镇街,name\n".getBytes(StandardCharsets.UTF_8));
        assertThat(e.messageKey()).isEqualTo("school-import.file.duplicateColumn");
        assertThat(e.arguments()).containsExactly("name", "A", "E");
    }

    @Test
    void refusesFilesWithoutData() {
        assertThat(unreadable("a.csv", new byte[0]).messageKey()).isEqualTo("school-import.file.empty");
        assertThat(unreadable("a.csv", "\n\n".getBytes(StandardCharsets.UTF_8)).messageKey()).isEqualTo("school-import.file.empty");
        assertThat(unreadable("a.csv", (HEADER + "\n,,,\n").getBytes(StandardCharsets.UTF_8)).messageKey())
                .isEqualTo("school-import.file.noRows");
        assertThat(unreadable("a.xlsx", new byte[0]).messageKey()).isEqualTo("school-import.file.empty");
    }

    @Test
    void refusesCorruptFiles() {
        assertThat(unreadable("a.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)).messageKey())
                .isEqualTo("school-import.file.corrupt");
        byte[] truncated = new byte[200];
        System.arraycopy(new byte[]{'P', 'K', 3, 4}, 0, truncated, 0, 4);
        assertThat(unreadable("a.xlsx", truncated).messageKey()).isEqualTo("school-import.file.corrupt");
        assertThat(unreadable("a.csv", (HEADER + "\n\"unclosed,2150117812,小学,二郎镇\n").getBytes(StandardCharsets.UTF_8))
                .messageKey()).isEqualTo("school-import.file.csvMalformed");
    }

    @Test
    void refusesBytesThatAreNeitherUtf8NorGb18030() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] broken = concat(bom, concat(HEADER.getBytes(StandardCharsets.UTF_8), new byte[]{'\n', (byte) 0xFF, (byte) 0xFE, 'x'}));
        assertThat(unreadable("a.csv", broken).messageKey()).isEqualTo("school-import.file.encoding");
        byte[] noBom = concat(HEADER.getBytes(StandardCharsets.UTF_8), new byte[]{'\n', (byte) 0xFF, (byte) 0xFF, 'x'});
        assertThat(unreadable("b.csv", noBom).messageKey()).isEqualTo("school-import.file.encoding");
    }

    @Test
    void limitsTheNumberOfDataRows() {
        assertThat(SchoolSheet.read("max.csv", rows(SchoolSheet.MAX_ROWS)).rows()).hasSize(SchoolSheet.MAX_ROWS);
        Unreadable e = unreadable("over.csv", rows(SchoolSheet.MAX_ROWS + 1));
        assertThat(e.messageKey()).isEqualTo("school-import.file.tooManyRows");
        assertThat(e.arguments()).containsExactly("5000");
    }

    private static byte[] rows(int count) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < count; i++) {
            csv.append("学校").append(i).append(',').append(2000000000L + i).append(",小学,二郎镇,,,\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Unreadable unreadable(String name, byte[] content) {
        Unreadable e = catchThrowableOfType(Unreadable.class, () -> SchoolSheet.read(name, content));
        assertThat(e).as("file-level refusal of %s", name).isNotNull();
        return e;
    }

    static byte[] xlsx(java.util.function.Consumer<Sheet> fill) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(workbook.createSheet("学校"));
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static void header(Row row, String... labels) {
        for (int i = 0; i < labels.length; i++) {
            row.createCell(i).setCellValue(labels[i]);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
