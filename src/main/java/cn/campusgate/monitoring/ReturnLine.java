package cn.campusgate.monitoring;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One planned activity of the month on a monthly return, prefilled from the approved plan. The school confirms
 * that it took place (and its class hours) or corrects it; a record the school already made for it is reused.
 *
 * @param recordId       the sentinel record already made for this activity this month, if any (collected once)
 * @param tookPlace      as the school confirms it; prefilled {@code true}
 * @param classHours     as the school confirms it; prefilled from the plan
 */
public record ReturnLine(long planId, String title, String departmentName, LocalDate startsOn, LocalDate endsOn,
                         int plannedClassHours, int teachersInvolved, @Nullable Long recordId, boolean tookPlace,
                         int classHours) {

    public boolean corrected() {
        return !tookPlace || classHours != plannedClassHours;
    }

    ReturnLine confirmedAs(boolean happened, int hours) {
        return new ReturnLine(planId, title, departmentName, startsOn, endsOn, plannedClassHours, teachersInvolved,
                recordId, happened, happened ? hours : 0);
    }
}
