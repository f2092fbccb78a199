package cn.campusgate.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * One surveyed affair as the form or one row of the Excel template gives it; checked by {@link SurveyRules}.
 *
 * @param department the body that brought it in, as written (matched to a known department where possible)
 * @param school     the school it entered (for a school reporting: its own, when left empty)
 */
public record SurveyCommand(@Nullable String title, @Nullable String department, @Nullable AffairKind kind,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate occurredOn,
                            @Nullable String school, @Nullable BigDecimal classHours, @Nullable Boolean approved,
                            @Nullable String content, @Nullable Boolean chargesStudents,
                            @Nullable Boolean teachersLeaveCampus) {

    public static SurveyCommand empty() {
        return new SurveyCommand(null, null, null, null, null, null, null, null, null, null);
    }
}
