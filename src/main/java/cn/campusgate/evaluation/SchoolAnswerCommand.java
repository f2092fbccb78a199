package cn.campusgate.evaluation;

import org.jspecify.annotations.Nullable;

/**
 * The school's three questions on one screen. {@code held = false} says the activity did not take place at the
 * school; then the three answers are not needed.
 *
 * @param usefulness  1 (no help to students) … 4 (a great help)
 * @param burden      1 (hardly any burden on teachers) … 4 (a heavy one)
 * @param duplication whether it duplicated work the school does anyway
 */
public record SchoolAnswerCommand(@Nullable Boolean held, @Nullable Integer usefulness, @Nullable Integer burden,
                                  @Nullable Duplication duplication, int version) implements java.io.Serializable {
    // Serializable: a refused answer goes back to the form as a flash attribute, kept in the JDBC session.
}
