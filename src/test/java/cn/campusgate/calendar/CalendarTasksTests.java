package cn.campusgate.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Administrators are reminded of a missing arrangement: this year always, next year from November. */
class CalendarTasksTests {

    static final Actor ADMIN = new Actor(1, "admin", "管理员", 1, "合川区教委", Set.of(Role.ADMINISTRATOR));
    static final Actor REVIEWER = new Actor(2, "commission", "审核员", 1, "合川区教委", Set.of(Role.COMMISSION_REVIEWER));

    final WorkingCalendar calendar = new WorkingCalendar(() -> WorkingCalendarTests.SEEDED); // 2025 and 2026

    List<HomeTask> tasksAt(String instant, Actor actor) {
        return new CalendarTasks(calendar, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)).tasksFor(actor);
    }

    @Test
    void novemberAsksForNextYear() {
        assertThat(tasksAt("2026-11-02T02:00:00Z", ADMIN)).singleElement().satisfies(task -> {
            assertThat(task.titleKey()).isEqualTo("task.calendarNextYear");
            assertThat(task.arguments()).containsExactly("2027");
            assertThat(task.path()).isEqualTo("/admin/calendar?year=2027");
            assertThat(task.count()).isEqualTo(1);
        });
        assertThat(tasksAt("2026-12-31T10:00:00Z", ADMIN)).extracting(HomeTask::titleKey).containsExactly("task.calendarNextYear");
    }

    @Test
    void beforeNovemberNothingIsDueWhenThisYearIsConfigured() {
        assertThat(tasksAt("2026-10-31T10:00:00Z", ADMIN)).isEmpty();
        assertThat(tasksAt("2025-11-15T10:00:00Z", ADMIN)).isEmpty(); // 2026 is configured
    }

    @Test
    void theDayIsTakenInChina() {
        // 31 October 16:30 UTC is already 1 November in Chongqing
        assertThat(tasksAt("2026-10-31T16:30:00Z", ADMIN)).extracting(HomeTask::titleKey).containsExactly("task.calendarNextYear");
    }

    @Test
    void anUnconfiguredCurrentYearIsAlwaysATask() {
        assertThat(tasksAt("2027-03-01T02:00:00Z", ADMIN)).singleElement().satisfies(task -> {
            assertThat(task.titleKey()).isEqualTo("task.calendarThisYear");
            assertThat(task.arguments()).containsExactly("2027");
        });
        assertThat(tasksAt("2027-11-20T02:00:00Z", ADMIN)).extracting(HomeTask::titleKey)
                .containsExactly("task.calendarThisYear", "task.calendarNextYear");
    }

    @Test
    void onlyAdministratorsAreAsked() {
        assertThat(tasksAt("2027-11-20T02:00:00Z", REVIEWER)).isEmpty();
    }
}
