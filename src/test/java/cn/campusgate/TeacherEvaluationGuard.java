package cn.campusgate;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * R-7 as a rule on names: what would hold or serve a per-teacher completion, participation or ranking figure, or a
 * ranking of schools by participation. Counts of teachers involved in one activity or secondment are allowed (they
 * describe the burden on a school, not a person's record); anything that identifies a teacher and scores, ranks or
 * counts their taking part is not.
 */
final class TeacherEvaluationGuard {

    /** Names are compared in snake case without the case: {@code teacherCompletionRate} = {@code teacher_completion_rate}. */
    private static final List<Pattern> FORBIDDEN = List.of(
            // A teacher as a record of its own: nothing may be keyed by an individual teacher.
            Pattern.compile("(^|_)teacher_(id|name|no|number|code|account|username)($|_)"),
            Pattern.compile("(^|_)teacher$"),
            // Completion or participation measured as a rate, score or rank.
            Pattern.compile("(completion|participation|participate|attendance|check_?in|punch)_?(rate|ratio|percent|percentage|score|rank|ranking|points)"),
            // Any ranking or league table.
            Pattern.compile("(^|_)(rank|ranking|league|leaderboard)($|_)"),
            // Evaluating teachers or schools on social affairs.
            Pattern.compile("(teacher|school)_(evaluation|appraisal|assessment|kpi|score|performance)"));

    private TeacherEvaluationGuard() {
    }

    /** Whether a table, column, field or path segment name would break R-7. */
    static boolean forbidden(String name) {
        String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toLowerCase(Locale.ROOT);
        return FORBIDDEN.stream().anyMatch(p -> p.matcher(snake).find());
    }
}
