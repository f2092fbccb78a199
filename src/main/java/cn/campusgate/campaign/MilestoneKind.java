package cn.campusgate.campaign;

import java.time.LocalDate;
import java.time.MonthDay;

import org.jspecify.annotations.Nullable;

/** The campaign's steps as the action plan's 五、时间安排 lists them, with the plan's dates as defaults. */
public enum MilestoneKind {
    /** （一）安排部署, 7月20日前. */
    DEPLOYMENT(MonthDay.of(7, 20)),
    /** （二）排查摸底, 7月30日前: survey since 2023, problem list, rectification ledger. */
    BASELINE_SURVEY(MonthDay.of(7, 30)),
    /** （三）公布白名单, 8月20日前. */
    WHITELIST_PUBLICATION(MonthDay.of(8, 20)),
    /** （四）工作总结, 8月底前: summary report with typical cases. */
    SUMMARY(MonthDay.of(8, 31)),
    /** （五）督导检查, 常态开展: no due date. */
    CONTINUING_SUPERVISION(null);

    private final @Nullable MonthDay due;

    MilestoneKind(@Nullable MonthDay due) {
        this.due = due;
    }

    /** The plan's due date in the campaign's year, or none for continuing work. */
    public @Nullable LocalDate defaultDueIn(int year) {
        return due == null ? null : due.atYear(year);
    }
}
