package cn.campusgate.campaign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading and checking survey files, without Spring: formats, rules, repeats within a file. */
class SurveyRowsTests {

    static final LocalDate SINCE = LocalDate.of(2023, 1, 1);
    static final LocalDate TODAY = LocalDate.of(2024, 7, 25);

    static byte[] xlsx(String[]... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("排查摸底表");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static final String[] HEAD = {"事项名称", "开展部门", "类别", "开展日期", "涉及学校", "占用课时", "是否经审批报备", "内容和方式"};

    @Test
    void goodRowsBecomeCommandsAndEveryBadCellIsNamed() throws IOException {
        SurveySheet sheet = SurveySheet.read("摸底.xlsx", xlsx(HEAD,
                new String[]{"防诈骗宣传进校园", "区公安局", "宣传教育", "2024年3月5日", "合川区二郎镇中心小学", "1", "是", "专题讲座"},
                new String[]{"", "某培训机构", "推销", "2024-13-01", "", "两节", "也许", ""},
                new String[]{"文明城市创建检查", "区委宣传部", "检查", "2022-12-31", "", "", "否", ""}));
        List<SurveyRows.Checked> checked = SurveyRows.check(sheet.rows(), SINCE, TODAY);
        assertThat(checked).hasSize(3);
        SurveyCommand first = checked.getFirst().command();
        assertThat(first).isNotNull();
        assertThat(first.kind()).isEqualTo(AffairKind.PUBLICITY);
        assertThat(first.occurredOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(first.approved()).isTrue();
        assertThat(checked.get(1).command()).isNull();
        assertThat(checked.get(1).violations()).extracting(SurveyRules.Violation::field)
                .containsExactlyInAnyOrder("title", "kind", "occurredOn", "classHours", "approved");
        assertThat(checked.get(2).violations()).extracting(SurveyRules.Violation::messageKey)
                .containsExactly("campaign.survey.error.beforeSince");
        assertThat(checked.get(1).row().number()).isEqualTo(3);
    }

    @Test
    void theSameAffairTwiceInOneFileIsAProblemOfTheSecondRow() throws IOException {
        String[] row = {"消防演练", "区消防救援支队", "活动竞赛", "2024-05-10", "合川中学", "2", "是", ""};
        String[] again = {"消防 演练", "区消防救援支队", "活动", "2024/5/10", "合川中学", "2", "是", "另写"};
        List<SurveyRows.Checked> checked = SurveyRows.check(SurveySheet.read("a.xlsx", xlsx(HEAD, row, again)).rows(),
                SINCE, TODAY);
        assertThat(checked.get(0).violations()).isEmpty();
        assertThat(checked.get(1).violations()).extracting(SurveyRules.Violation::messageKey)
                .containsExactly("campaign.import.row.repeated");
    }

    @Test
    void filesThatCannotBeReadAreRefusedAsAWhole() throws IOException {
        assertThatThrownBy(() -> SurveySheet.read("a.xls", new byte[]{1})).hasMessage("campaign.import.file.saveAsXlsx");
        assertThatThrownBy(() -> SurveySheet.read("a.csv", new byte[]{1})).hasMessage("campaign.import.file.extension");
        assertThatThrownBy(() -> SurveySheet.read("a.xlsx", "not a workbook".getBytes()))
                .hasMessage("campaign.import.file.unreadable");
        assertThatThrownBy(() -> SurveySheet.read("a.xlsx", xlsx(new String[]{"事项名称", "开展部门"},
                new String[]{"x", "y"}))).hasMessage("campaign.import.file.missingColumns");
        assertThatThrownBy(() -> SurveySheet.read("a.xlsx", xlsx(HEAD))).hasMessage("campaign.import.file.noRows");
    }

    @Test
    void englishHeadersAndAnswersAreUnderstoodToo() throws IOException {
        SurveySheet sheet = SurveySheet.read("a.xlsx", xlsx(
                new String[]{"Title", "Department", "Kind", "Date", "Approved*"},
                new String[]{"Anti-fraud talk", "区公安局", "publicity", "20240305", "N"}));
        SurveyCommand command = SurveyRows.check(sheet.rows(), SINCE, TODAY).getFirst().command();
        assertThat(command).isNotNull();
        assertThat(command.approved()).isFalse();
        assertThat(command.occurredOn()).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void naturalKeysIgnoreSpacesAndCaseButNotTheReporter() {
        SurveyCommand a = new SurveyCommand("消防 演练", "区消防救援支队", AffairKind.ACTIVITY, LocalDate.of(2024, 5, 10),
                null, null, true, null, null, null);
        SurveyCommand b = new SurveyCommand("消防演练", "区消防救援支队 ", AffairKind.OTHER, LocalDate.of(2024, 5, 10),
                "", null, false, "x", null, null);
        assertThat(SurveyKeys.naturalKey(1, a)).isEqualTo(SurveyKeys.naturalKey(1, b)).hasSize(64);
        assertThat(SurveyKeys.naturalKey(1, a)).isNotEqualTo(SurveyKeys.naturalKey(2, a));
    }
}
