package cn.campusgate.approval;

import java.time.LocalDate;
import java.util.Set;

import cn.campusgate.organization.SchoolStage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SemesterTests {

    @Test
    void semestersRunFromFebruaryAndFromAugust() {
        assertThat(Semester.of(LocalDate.of(2027, 1, 15))).isEqualTo(new Semester(2026, true));
        assertThat(Semester.of(LocalDate.of(2027, 2, 1))).isEqualTo(new Semester(2027, false));
        assertThat(Semester.of(LocalDate.of(2027, 7, 31))).isEqualTo(new Semester(2027, false));
        assertThat(Semester.of(LocalDate.of(2027, 8, 1))).isEqualTo(new Semester(2027, true));
        assertThat(Semester.touchedBy(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 9, 1)))
                .containsExactly(new Semester(2026, true), new Semester(2027, false), new Semester(2027, true));
    }

    @Test
    void nineAndTwelveYearSchoolsHaveTheSectionsOfTheirStages() {
        assertThat(Quotas.covers(Set.of(SchoolStage.PRIMARY), SchoolStage.NINE_YEAR)).isTrue();
        assertThat(Quotas.covers(Set.of(SchoolStage.SENIOR_SECONDARY), SchoolStage.NINE_YEAR)).isFalse();
        assertThat(Quotas.covers(Set.of(SchoolStage.SENIOR_SECONDARY), SchoolStage.TWELVE_YEAR)).isTrue();
        assertThat(Quotas.covers(Set.of(SchoolStage.PRIMARY), SchoolStage.SPECIAL)).isFalse();
        assertThat(Quotas.covers(Set.of(SchoolStage.PRIMARY), SchoolStage.JUNIOR_SECONDARY)).isFalse();
    }
}
