package cn.campusgate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard's own rule, so that it is known to catch what it must and to let counts of involvement pass. */
class TeacherEvaluationGuardTests {

    @ParameterizedTest
    @ValueSource(strings = {"teacher_id", "teacherName", "teacher", "completion_rate", "participationRate",
            "teacher_participation_score", "check_in_rate", "punchRank", "school_ranking", "rank", "leaderboard",
            "teacherEvaluation", "school_performance", "attendance_percentage"})
    void namesThatWouldHoldOrServeAPerTeacherFigureOrARankingAreCaught(String name) {
        assertThat(TeacherEvaluationGuard.forbidden(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"teachers_involved", "teacherCount", "teachers_seconded", "class_hours", "school_id",
            "department_id", "cranky_reviewer", "frank", "ranked_by", "prank_count", "strategy", "participants_count"})
    void countsOfInvolvementAndOrdinaryNamesPass(String name) {
        assertThat(TeacherEvaluationGuard.forbidden(name)).as(name).isFalse();
    }
}
