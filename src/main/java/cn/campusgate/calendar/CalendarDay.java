package cn.campusgate.calendar;

import java.time.LocalDate;

/**
 * A day that departs from the Monday-to-Friday week.
 *
 * @param name the holiday it belongs to, e.g. 国庆节 or 春节调休上班
 */
public record CalendarDay(LocalDate day, DayKind kind, String name) {
}
