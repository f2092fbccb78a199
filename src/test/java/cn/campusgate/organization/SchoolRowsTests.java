package cn.campusgate.organization;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.campusgate.organization.SchoolRows.Lookup;
import cn.campusgate.organization.SchoolRows.Outcome;
import cn.campusgate.organization.SchoolRows.Problem;
import cn.campusgate.organization.SchoolSheet.DataRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The row checks of the school import, without a database. */
class SchoolRowsTests {

    private static final Instant NOW = Instant.parse("2026-03-01T02:00:00Z");
    private static final Organization ERLANG = town(301, "二郎镇", true);
    private static final Organization CLOSED = town(302, "旧镇", false);
    private static final Lookup LOOKUP = new Lookup(Map.of("二郎镇", ERLANG, "旧镇", CLOSED),
            Map.of("2150117001", "合川区二郎镇中心小学", "5001170099", ""), Set.of("合川区二郎镇中心小学"));

    @Test
    void goodRowsBecomeSchoolsInTheirTown() {
        Outcome outcome = check(
                row(2, "合川区二郎镇新村小学", "2150117901", "小学", "二郎镇", "是", "二郎镇新村 1 号", "023-42810000"),
                row(3, "合川区二郎镇新村中学", "2150117902", "初中", "二郎镇", "", "", ""));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.schools()).extracting(Organization::name, Organization::code, Organization::schoolStage,
                        Organization::parentId, Organization::monitoringSchool, Organization::kind)
                .containsExactly(
                        tuple("合川区二郎镇新村小学", "2150117901", SchoolStage.PRIMARY, 301L, true, OrganizationKind.SCHOOL),
                        tuple("合川区二郎镇新村中学", "2150117902", SchoolStage.JUNIOR_SECONDARY, 301L, false, OrganizationKind.SCHOOL));
        assertThat(outcome.schools().getFirst().contactPhone()).isEqualTo("023-42810000");
        assertThat(outcome.schools().get(1).address()).isNull();
    }

    @Test
    void reportsAnUnknownStageLabelAtItsRowAndColumn() {
        Outcome outcome = check(
                row(2, "合川区二郎镇新村小学", "2150117901", "小学", "二郎镇", "", "", ""),
                row(3, "合川区二郎镇职业学校", "2150117903", "职业高中", "二郎镇", "", "", ""));

        assertThat(outcome.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(SchoolColumn.STAGE);
            assertThat(p.messageKey()).isEqualTo("school-import.stage.unknown");
            assertThat(p.arguments()).containsExactly("职业高中");
        });
        assertThat(outcome.schools()).as("nothing is built when any row is wrong").isEmpty();
    }

    @Test
    void acceptsEveryStageLabelAndEnumName() {
        Map<String, SchoolStage> labels = Map.ofEntries(
                Map.entry("小学", SchoolStage.PRIMARY), Map.entry("初级中学", SchoolStage.JUNIOR_SECONDARY),
                Map.entry("初中", SchoolStage.JUNIOR_SECONDARY), Map.entry("高级中学", SchoolStage.SENIOR_SECONDARY),
                Map.entry("高中", SchoolStage.SENIOR_SECONDARY), Map.entry("九年一贯制学校", SchoolStage.NINE_YEAR),
                Map.entry("九年一贯制", SchoolStage.NINE_YEAR), Map.entry("十二年一贯制学校", SchoolStage.TWELVE_YEAR),
                Map.entry("十二年一贯制", SchoolStage.TWELVE_YEAR), Map.entry("特殊教育学校", SchoolStage.SPECIAL),
                Map.entry("特殊教育", SchoolStage.SPECIAL), Map.entry(" 小学 ", SchoolStage.PRIMARY),
                Map.entry("nine_year", SchoolStage.NINE_YEAR));
        labels.forEach((label, stage) -> assertThat(SchoolRows.stage(label)).as(label).contains(stage));
        Arrays.stream(SchoolStage.values()).forEach(stage -> assertThat(SchoolRows.stage(stage.name())).contains(stage));
        assertThat(SchoolRows.stage("中学")).isEmpty();
        assertThat(SchoolRows.stage("PRIMARY SCHOOL")).isEmpty();
    }

    @Test
    void readsMonitoringAnswers() {
        for (String yes : List.of("是", "Y", "y", "yes", "TRUE", "true", "1", "１")) {
            assertThat(SchoolRows.monitoring(yes)).as(yes).contains(true);
        }
        for (String no : List.of("否", "N", "no", "false", "FALSE", "0", "", "  ")) {
            assertThat(SchoolRows.monitoring(no)).as(no).contains(false);
        }
        assertThat(SchoolRows.monitoring("可能")).isEmpty();
    }

    @Test
    void reportsARepeatedCodeOnTheSecondOccurrence() {
        Outcome outcome = check(
                row(2, "合川区二郎镇甲小学", "2150117904", "小学", "二郎镇", "", "", ""),
                row(3, "合川区二郎镇乙小学", "2150117905", "小学", "二郎镇", "", "", ""),
                row(5, "合川区二郎镇丙小学", "2150117904", "小学", "二郎镇", "", "", ""));

        assertThat(outcome.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(SchoolColumn.CODE);
            assertThat(p.messageKey()).isEqualTo("school-import.code.repeated");
            assertThat(p.arguments()).containsExactly("2150117904", "2");
        });
    }

    @Test
    void reportsRepeatedAndTakenNames() {
        Outcome outcome = check(
                row(2, "合川区二郎镇甲小学", "2150117904", "小学", "二郎镇", "", "", ""),
                row(3, "合川区二郎镇甲小学", "2150117905", "小学", "二郎镇", "", "", ""),
                row(4, "合川区二郎镇中心小学", "2150117906", "小学", "二郎镇", "", "", ""));

        assertThat(outcome.problems()).extracting(Problem::row, Problem::column, Problem::messageKey).containsExactly(
                tuple(3, SchoolColumn.NAME, "school-import.name.repeated"),
                tuple(4, SchoolColumn.NAME, "school-import.name.taken"));
    }

    @Test
    void reportsCodesAlreadyInTheDirectoryNamingTheHolderOnlyWhenInScope() {
        Outcome outcome = check(
                row(2, "合川区二郎镇甲小学", "2150117001", "小学", "二郎镇", "", "", ""),
                row(3, "合川区二郎镇乙小学", "5001170099", "小学", "二郎镇", "", "", ""));

        assertThat(outcome.problems()).extracting(Problem::row, Problem::messageKey).containsExactly(
                tuple(2, "school-import.code.takenBy"), tuple(3, "school-import.code.taken"));
        assertThat(outcome.problems().getFirst().arguments()).containsExactly("2150117001", "合川区二郎镇中心小学");
    }

    @Test
    void reportsEveryProblemOfARowAtOnce() {
        Outcome outcome = check(row(7, "", "21501", "", "不存在镇", "也许", "", "电话：123"));

        assertThat(outcome.problems()).extracting(Problem::row, Problem::column, Problem::messageKey).containsExactly(
                tuple(7, SchoolColumn.NAME, "school-import.required"),
                tuple(7, SchoolColumn.CODE, "school-import.code.invalid"),
                tuple(7, SchoolColumn.STAGE, "school-import.required"),
                tuple(7, SchoolColumn.TOWN, "school-import.town.unknown"),
                tuple(7, SchoolColumn.MONITORING, "school-import.monitoring.invalid"),
                tuple(7, SchoolColumn.PHONE, "school-import.phone.invalid"));
    }

    @Test
    void refusesAnInactiveTownTooLongTextsAndTheTemplateExample() {
        Outcome outcome = check(
                row(2, "合川区旧镇小学", "2150117907", "小学", "旧镇", "", "", ""),
                row(3, "校".repeat(101), "2150117908", "小学", "二郎镇", "", "址".repeat(201), ""),
                row(4, "示例：合川区某某镇中心小学（导入前请删除本行）", "2150117999", "小学", "二郎镇", "否", "", ""),
                row(5, "校", "2150117909", "小学", "二郎镇", "", "", ""));

        assertThat(outcome.problems()).extracting(Problem::row, Problem::column, Problem::messageKey).containsExactly(
                tuple(2, SchoolColumn.TOWN, "school-import.town.inactive"),
                tuple(3, SchoolColumn.NAME, "school-import.tooLong"),
                tuple(3, SchoolColumn.ADDRESS, "school-import.tooLong"),
                tuple(4, SchoolColumn.NAME, "school-import.exampleRow"),
                tuple(5, SchoolColumn.NAME, "organization.name.required"));
    }

    @Test
    void readsFullWidthDigitsInCodesAndPhones() {
        Outcome outcome = check(row(2, "合川区二郎镇全角小学", "２１５０１１７９１０", "小学", "二郎镇", "", "", "０２３－４２８１００００"));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.schools().getFirst().code()).isEqualTo("2150117910");
        assertThat(outcome.schools().getFirst().contactPhone()).isEqualTo("023-42810000");
    }

    private static Outcome check(DataRow... rows) {
        return SchoolRows.check(List.of(rows), LOOKUP, NOW);
    }

    static DataRow row(int number, String name, String code, String stage, String town, String monitoring,
                       String address, String phone) {
        Map<SchoolColumn, String> values = new EnumMap<>(SchoolColumn.class);
        values.put(SchoolColumn.NAME, name);
        values.put(SchoolColumn.CODE, code);
        values.put(SchoolColumn.STAGE, stage);
        values.put(SchoolColumn.TOWN, town);
        values.put(SchoolColumn.MONITORING, monitoring);
        values.put(SchoolColumn.ADDRESS, address);
        values.put(SchoolColumn.PHONE, phone);
        return new DataRow(number, values);
    }

    private static Organization town(long id, String name, boolean active) {
        return new Organization(id, 0, "500117" + id, name, null, OrganizationKind.JURISDICTION, JurisdictionLevel.TOWN,
                TownKind.TOWN, 2L, null, false, null, null, active, NOW, NOW);
    }
}
