package cn.campusgate.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Formats;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;

/**
 * Reminds administrators to enter the holiday arrangement: for this year whenever it is missing, and for
 * next year from November on (the State Council usually publishes it in November).
 */
@Component
class CalendarTasks implements HomeTaskContributor {

    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarTasks(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public List<HomeTask> tasksFor(Actor actor) {
        if (!actor.has(Role.ADMINISTRATOR)) {
            return List.of();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), Formats.ZONE);
        int year = today.getYear();
        List<HomeTask> tasks = new ArrayList<>();
        if (!calendar.isConfigured(year)) {
            tasks.add(task("task.calendarThisYear", year));
        }
        if (today.getMonth().compareTo(Month.NOVEMBER) >= 0 && !calendar.isConfigured(year + 1)) {
            tasks.add(task("task.calendarNextYear", year + 1));
        }
        return tasks;
    }

    /** The year goes in as text: a number would be written 2,027. */
    private static HomeTask task(String key, int year) {
        return new HomeTask(key, List.of(String.valueOf(year)), "/admin/calendar?year=" + year, 1);
    }
}
