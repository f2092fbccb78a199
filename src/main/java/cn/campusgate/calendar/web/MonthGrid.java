package cn.campusgate.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.campusgate.calendar.CalendarDay;
import cn.campusgate.calendar.DayKind;
import org.jspecify.annotations.Nullable;

/**
 * One month of the calendar page, Monday first, as weeks of cells.
 *
 * @param title 1月 in Chinese, January in English
 */
record MonthGrid(String title, List<List<Cell>> weeks) {

    /** A day of the month (or an empty cell before the 1st and after the last day). */
    record Cell(@Nullable LocalDate date, String kind, @Nullable String name) {
        public int dayOfMonth() {
            return date == null ? 0 : date.getDayOfMonth();
        }
    }

    static List<MonthGrid> year(int year, List<CalendarDay> days, Locale locale) {
        Map<LocalDate, CalendarDay> byDate = new java.util.HashMap<>();
        days.forEach(d -> byDate.put(d.day(), d));
        List<MonthGrid> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(month(YearMonth.of(year, month), byDate, locale));
        }
        return months;
    }

    private static MonthGrid month(YearMonth month, Map<LocalDate, CalendarDay> byDate, Locale locale) {
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
            week.add(new Cell(null, "", null));
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            CalendarDay entry = byDate.get(date);
            week.add(new Cell(date, kind(date, entry), entry == null ? null : entry.name()));
            if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Cell(null, "", null));
            }
            weeks.add(week);
        }
        String title = "zh".equals(locale.getLanguage()) ? month.getMonthValue() + "月"
                : month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
        return new MonthGrid(title, weeks);
    }

    private static String kind(LocalDate date, @Nullable CalendarDay entry) {
        if (entry != null) {
            return entry.kind() == DayKind.HOLIDAY ? "holiday" : "adjusted";
        }
        return date.getDayOfWeek().getValue() >= 6 ? "weekend" : "workday";
    }
}
