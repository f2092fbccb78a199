package cn.campusgate.whitelist;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.campusgate.item.ItemRoute;
import cn.campusgate.organization.SchoolStage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The public check's policy alone: each reason code, in its order. */
class CoverageTests {

    private static final long FIRE = 7;
    private static final Coverage.School PRIMARY = new Coverage.School("合川区第一小学", SchoolStage.PRIMARY,
            Set.of("合川区第一小学", "合川区第二小学", "合川中学"));

    static WhitelistEntry entry(long id, long department, String title, LocalDate from, LocalDate to,
                                Set<SchoolStage> stages, @Nullable String schools, boolean exempt) {
        return new WhitelistEntry(id, 1, 100 + id, 200 + id, ItemRoute.ANNUAL, title, "主题", department, "区消防救援支队",
                "《中华人民共和国消防法》第六条", "内容", "讲座", stages, null, schools, from, to, null, null, null, exempt,
                null, false, 1, null, null, null);
    }

    private static WhitelistEntry fireTalk() {
        return entry(1, FIRE, "消防安全进课堂", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31),
                Set.of(SchoolStage.PRIMARY), null, false);
    }

    @Test
    void aListedActivityInItsWindowInAReachedSchoolIsCovered() {
        Coverage.Result result = Coverage.check(List.of(fireTalk()), PRIMARY, FIRE, "消防安全进课堂",
                LocalDate.of(2027, 3, 10), 6);
        assertThat(result.covered()).isTrue();
        assertThat(result.entry()).isEqualTo(fireTalk());
    }

    @Test
    void titlesMatchWithoutPunctuationAndByContainment() {
        assertThat(Coverage.check(List.of(fireTalk()), PRIMARY, FIRE, " 消防安全 进课堂！", LocalDate.of(2027, 3, 10), 6)
                .covered()).isTrue();
    }

    @Test
    void anotherDepartmentOrTitleIsNotListed() {
        assertThat(Coverage.check(List.of(fireTalk()), PRIMARY, 99, "消防安全进课堂", LocalDate.of(2027, 3, 10), 6)
                .reason()).isEqualTo(Coverage.Reason.NOT_LISTED);
        assertThat(Coverage.check(List.of(fireTalk()), PRIMARY, FIRE, "防诈骗宣传", LocalDate.of(2027, 3, 10), 6)
                .reason()).isEqualTo(Coverage.Reason.NOT_LISTED);
    }

    @Test
    void aDayOutsideTheWindowIsRefusedWithTheEntry() {
        Coverage.Result result = Coverage.check(List.of(fireTalk()), PRIMARY, FIRE, "消防安全进课堂",
                LocalDate.of(2027, 4, 1), 6);
        assertThat(result.reason()).isEqualTo(Coverage.Reason.OUTSIDE_TIME_WINDOW);
        assertThat(result.entry()).isNotNull();
    }

    @Test
    void aSchoolOfAnotherStageOrNotNamedIsOutOfScope() {
        Coverage.School secondary = new Coverage.School("合川中学", SchoolStage.SENIOR_SECONDARY, PRIMARY.districtSchools());
        assertThat(Coverage.check(List.of(fireTalk()), secondary, FIRE, "消防安全进课堂", LocalDate.of(2027, 3, 10), 6)
                .reason()).isEqualTo(Coverage.Reason.SCHOOL_OUT_OF_SCOPE);
        WhitelistEntry named = entry(2, FIRE, "消防演练", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31),
                Set.of(SchoolStage.PRIMARY), "合川区第二小学", false);
        assertThat(Coverage.check(List.of(named), PRIMARY, FIRE, "消防演练", LocalDate.of(2027, 3, 10), 6)
                .reason()).isEqualTo(Coverage.Reason.SCHOOL_OUT_OF_SCOPE);
        WhitelistEntry vague = entry(3, FIRE, "消防宣传", LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31),
                Set.of(SchoolStage.PRIMARY), "各小学", false);
        assertThat(Coverage.check(List.of(vague), PRIMARY, FIRE, "消防宣传", LocalDate.of(2027, 3, 10), 6)
                .covered()).as("a vague name falls back to the stages").isTrue();
    }

    @Test
    void aNineYearSchoolHasThePrimarySection() {
        Coverage.School nineYear = new Coverage.School("合川区九年制学校", SchoolStage.NINE_YEAR, Set.of());
        assertThat(Coverage.check(List.of(fireTalk()), nineYear, FIRE, "消防安全进课堂", LocalDate.of(2027, 3, 10), 6)
                .covered()).isTrue();
    }

    @Test
    void activitiesBeyondTheSchoolsSemesterCapAreRefusedAndExemptOnesDoNotCount() {
        WhitelistEntry earlier1 = entry(10, 8, "交通安全", LocalDate.of(2027, 2, 20), LocalDate.of(2027, 2, 28),
                Set.of(SchoolStage.PRIMARY), null, false);
        WhitelistEntry earlier2 = entry(11, 9, "防溺水", LocalDate.of(2027, 2, 21), LocalDate.of(2027, 2, 28),
                Set.of(SchoolStage.PRIMARY), null, false);
        WhitelistEntry exempt = entry(12, 9, "国家安全教育", LocalDate.of(2027, 2, 10), LocalDate.of(2027, 2, 28),
                Set.of(SchoolStage.PRIMARY), null, true);
        WhitelistEntry lastSemester = entry(13, 9, "秋季活动", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30),
                Set.of(SchoolStage.PRIMARY), null, false);
        List<WhitelistEntry> all = List.of(earlier1, earlier2, exempt, lastSemester, fireTalk());
        assertThat(Coverage.check(all, PRIMARY, FIRE, "消防安全进课堂", LocalDate.of(2027, 3, 10), 2).reason())
                .isEqualTo(Coverage.Reason.OVER_SCHOOL_SEMESTER_CAP);
        assertThat(Coverage.check(all, PRIMARY, FIRE, "消防安全进课堂", LocalDate.of(2027, 3, 10), 3).covered()).isTrue();
        assertThat(Coverage.check(all, PRIMARY, 9, "国家安全教育", LocalDate.of(2027, 2, 15), 0).covered())
                .as("exempt national items are outside the cap").isTrue();
    }
}
