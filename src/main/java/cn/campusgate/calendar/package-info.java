/**
 * Working-day calendar (工作日历): which days people work, so that every deadline counted in working days
 * (工作日) skips weekends and public holidays and counts the adjusted working weekends (调休上班). The
 * arrangement of each year is entered from the State Council's notice (国务院办公厅关于部分节假日安排的通知);
 * 2025 and 2026 are seeded.
 *
 * <p>Public API: {@link cn.campusgate.calendar.WorkingCalendar} (arithmetic, served from memory) and
 * {@link cn.campusgate.calendar.HolidayArrangements} (the administrator's view and changes, each audited).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar 工作日历", allowedDependencies = "core")
@org.jspecify.annotations.NullMarked
package cn.campusgate.calendar;
