package cn.campusgate.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.campusgate.screening.Finding;
import cn.campusgate.screening.RuleFamily;
import cn.campusgate.screening.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a sentinel record raises which alert, rule by rule. */
class AlertRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private final AlertRules rules = new AlertRules(30, 1, 6, 120);
    private long ids = 100;

    private SentinelRecord entry(String title, String day, String coverage) {
        return new SentinelRecord(ids++, 10, "合川区二郎镇中心小学", 2, RecordKind.ENTRY, null, 20, "区公安局", title,
                LocalDate.parse(day), null, 1, 2, Set.of(), null, false, null, coverage, List.of(), "school.sentinel", NOW);
    }

    private SentinelRecord inspection(String day, String assigned, boolean comprehensive) {
        return new SentinelRecord(ids++, 10, "合川区二郎镇中心小学", 2, RecordKind.INSPECTION, null, 21, "区教委",
                "校园安全专项检查", LocalDate.parse(day), null, 0, 1, Set.of(), assigned == null ? null : LocalDate.parse(assigned),
                comprehensive, null, "COVERED", List.of(), "school.sentinel", NOW);
    }

    private List<AlertKind> kinds(SentinelRecord record, List<SentinelRecord> earlier, int cap) {
        return rules.assess(record, earlier, cap, String::equals).stream().map(AlertRules.Raised::kind).toList();
    }

    @Test
    void aCoveredEntryWithinTheCapRaisesNothing() {
        assertThat(kinds(entry("消防安全进课堂", "2026-11-20", "COVERED"), List.of(), 6)).isEmpty();
    }

    @Test
    void anEntryNotCoveredByTheWhitelistRaisesAnAlertWithItsReason() {
        SentinelRecord unlisted = entry("反诈宣传进校园", "2026-11-20", "NOT_LISTED");
        List<AlertRules.Raised> raised = rules.assess(unlisted, List.of(), 6, String::equals);
        assertThat(raised).extracting(AlertRules.Raised::kind).containsExactly(AlertKind.NOT_COVERED);
        assertThat(raised.getFirst().facts()).containsExactly("NOT_LISTED", "反诈宣传进校园", "区公安局", "2026-11-20");
        assertThat(kinds(entry("讲座", "2026-11-20", "OUTSIDE_TIME_WINDOW"), List.of(), 6))
                .containsExactly(AlertKind.NOT_COVERED);
    }

    @Test
    void theEntryAfterTheSemesterCapRaisesTheCapAlert() {
        List<SentinelRecord> six = List.of(entry("A", "2026-09-03", "COVERED"), entry("B", "2026-09-20", "COVERED"),
                entry("C", "2026-10-10", "COVERED"), entry("D", "2026-10-28", "COVERED"), entry("E", "2026-11-05", "COVERED"),
                entry("F", "2026-11-12", "COVERED"));
        assertThat(kinds(entry("F2", "2026-11-20", "COVERED"), six.subList(0, 5), 6)).as("the sixth is within the cap")
                .isEmpty();
        List<AlertRules.Raised> seventh = rules.assess(entry("G", "2026-11-20", "COVERED"), six, 6, String::equals);
        assertThat(seventh).extracting(AlertRules.Raised::kind).containsExactly(AlertKind.OVER_SEMESTER_CAP);
        assertThat(seventh.getFirst().facts()).containsExactly("7", "6");
        List<SentinelRecord> lastSemester = List.of(entry("X", "2026-06-01", "COVERED"), entry("Y", "2026-06-02", "COVERED"));
        assertThat(kinds(entry("Z", "2026-09-10", "COVERED"), lastSemester, 1)).as("spring's do not count in autumn")
                .isEmpty();
        assertThat(kinds(entry("Z", "2027-01-10", "COVERED"), List.of(entry("Y", "2026-12-20", "COVERED")), 1))
                .as("January belongs to the autumn semester").containsExactly(AlertKind.OVER_SEMESTER_CAP);
        SentinelRecord inspectionOnly = inspection("2026-11-10", null, false);
        assertThat(kinds(entry("Z", "2026-11-20", "COVERED"), List.of(inspectionOnly), 1))
                .as("inspections are not activities").isEmpty();
    }

    @Test
    void theSameOrASimilarThemeAgainWithinTheWindowIsARepeat() {
        SentinelRecord first = entry("防溺水安全教育", "2026-10-10", "COVERED");
        List<AlertRules.Raised> raised = rules.assess(entry("珍爱生命预防溺水", "2026-11-20", "COVERED"), List.of(first), 6,
                (a, b) -> true);
        assertThat(raised).extracting(AlertRules.Raised::kind).containsExactly(AlertKind.REPEATED_THEME);
        assertThat(raised.getFirst().facts()).containsExactly("2", "120", "防溺水安全教育", "区公安局", "2026-10-10");
        assertThat(kinds(entry("珍爱生命预防溺水", "2026-11-20", "COVERED"), List.of(first), 6)).as("not similar")
                .isEmpty();
        assertThat(rules.assess(entry("防溺水安全教育", "2026-11-20", "COVERED"),
                List.of(entry("防溺水安全教育", "2026-06-01", "COVERED")), 6, String::equals)).as("outside 120 days").isEmpty();
    }

    @Test
    void anInspectionRightAfterTheWorkWasAssignedIsTooSoon() {
        List<AlertRules.Raised> raised = rules.assess(inspection("2026-11-20", "2026-11-06", false), List.of(), 6,
                String::equals);
        assertThat(raised).extracting(AlertRules.Raised::kind).containsExactly(AlertKind.INSPECTION_TOO_SOON);
        assertThat(raised.getFirst().facts()).containsExactly("2026-11-06", "2026-11-20", "14", "30");
        assertThat(kinds(inspection("2026-11-20", "2026-10-21", false), List.of(), 6)).as("30 days later").isEmpty();
        assertThat(kinds(inspection("2026-11-20", null, false), List.of(), 6)).as("unknown assignment").isEmpty();
    }

    @Test
    void aSecondComprehensiveInspectionInAYearIsTooMany() {
        SentinelRecord march = inspection("2026-03-10", null, true);
        assertThat(kinds(inspection("2026-11-20", null, true), List.of(), 6)).isEmpty();
        assertThat(kinds(inspection("2026-11-20", null, true), List.of(march), 6))
                .containsExactly(AlertKind.TOO_MANY_COMPREHENSIVE_INSPECTIONS);
        assertThat(kinds(inspection("2026-11-20", null, false), List.of(march), 6)).as("not comprehensive").isEmpty();
        assertThat(kinds(inspection("2027-01-20", null, true), List.of(march), 6)).as("a new year").isEmpty();
    }

    @Test
    void aSecondmentLongerThanSixMonthsIsFlagged() {
        SentinelRecord six = new SentinelRecord(1, 10, "学校", 2, RecordKind.SECONDMENT, null, 22, "二郎镇", "统计工作",
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 2, 28), 0, 2, Set.of(), null, false, null,
                SentinelRecord.NOT_CHECKED, List.of(), "school.sentinel", NOW);
        assertThat(rules.assess(six, List.of(), 6, String::equals)).as("exactly six months").isEmpty();
        SentinelRecord seven = new SentinelRecord(2, 10, "学校", 2, RecordKind.SECONDMENT, null, 22, "二郎镇", "统计工作",
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 3, 31), 0, 2, Set.of(), null, false, null,
                SentinelRecord.NOT_CHECKED, List.of(), "school.sentinel", NOW);
        List<AlertRules.Raised> raised = rules.assess(seven, List.of(), 6, String::equals);
        assertThat(raised).extracting(AlertRules.Raised::kind).containsExactly(AlertKind.LONG_SECONDMENT);
        assertThat(raised.getFirst().facts()).containsExactly("2026-09-01", "2027-03-31", "2", "212", "6");
    }

    @Test
    void anyFormalismDemandOrTraceFindingRaisesAnAlertAndARefusingFindingToo() {
        SentinelRecord demanded = new SentinelRecord(1, 10, "学校", 2, RecordKind.ENTRY, null, 20, "区公安局", "反诈宣传",
                LocalDate.of(2026, 11, 20), null, 1, 0, Set.of(Demand.PHOTOS, Demand.CHAIN_SIGN_UP), null, false, null,
                "COVERED", List.of(new Finding("R2-INE-PHOTOS", RuleFamily.INEFFECTIVE, Severity.WARN, "条款", "说明", "dataDemands",
                "拍照")), "school.sentinel", NOW);
        List<AlertRules.Raised> raised = rules.assess(demanded, List.of(), 6, String::equals);
        assertThat(raised).extracting(AlertRules.Raised::kind).containsExactly(AlertKind.FORMALISM_DEMAND);
        assertThat(raised.getFirst().facts()).as("a ticked demand is not repeated by its rule")
                .containsExactly("CHAIN_SIGN_UP,PHOTOS");
        SentinelRecord found = new SentinelRecord(3, 10, "学校", 2, RecordKind.ENTRY, null, 20, "区公安局", "反诈宣传",
                LocalDate.of(2026, 11, 20), null, 1, 0, Set.of(), null, false, "要求拍照上传", "COVERED",
                List.of(new Finding("R2-INE-PHOTOS", RuleFamily.INEFFECTIVE, Severity.WARN, "条款", "说明", "content", "拍照")),
                "school.sentinel", NOW);
        assertThat(rules.assess(found, List.of(), 6, String::equals).getFirst().facts()).as("found only in the note")
                .containsExactly("R2-INE-PHOTOS");

        SentinelRecord offCampus = new SentinelRecord(2, 10, "学校", 2, RecordKind.OFF_CAMPUS_REQUEST, null, 22, "二郎镇",
                "到路口执勤", LocalDate.of(2026, 11, 20), null, 0, 3, Set.of(), null, false, null, SentinelRecord.NOT_CHECKED,
                List.of(new Finding("R2-IRR-OFF-CAMPUS-DUTY", RuleFamily.IRRELEVANT, Severity.REFUSE, "条款", "说明",
                        "teachersLeaveCampus", "执勤")), "school.sentinel", NOW);
        assertThat(kinds(offCampus, List.of(), 6)).containsExactly(AlertKind.SCREENING_REFUSED);
    }
}
