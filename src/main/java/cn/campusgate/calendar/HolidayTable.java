package cn.campusgate.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable snapshot of the calendar's overrides, with the working-day arithmetic. Counting a range
 * costs the weekdays by formula plus one step per override inside it, never one step per day.
 */
final class HolidayTable {

    static final HolidayTable EMPTY = new HolidayTable(Map.of(), Set.of());

    /** 1970-01-05, a Monday, as an epoch day: weeks are counted from it. */
    private static final long MONDAY = 4;

    private final NavigableMap<LocalDate, DayKind> overrides;
    private final Set<Integer> configuredYears;

    HolidayTable(Map<LocalDate, DayKind> overrides, Set<Integer> configuredYears) {
        this.overrides = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(overrides));
        this.configuredYears = Set.copyOf(configuredYears);
    }

    boolean isWorkingDay(LocalDate day) {
        DayKind kind = overrides.get(day);
        return kind != null ? kind == DayKind.ADJUSTED_WORKDAY : !isWeekend(day);
    }

    LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        LocalDate day = start;
        int left = days;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        long count = weekdaysThrough(to) - weekdaysThrough(from);
        for (var override : overrides.subMap(from, false, to, true).entrySet()) {
            boolean weekend = isWeekend(override.getKey());
            if (override.getValue() == DayKind.HOLIDAY && !weekend) {
                count--;
            } else if (override.getValue() == DayKind.ADJUSTED_WORKDAY && weekend) {
                count++;
            }
        }
        return Math.toIntExact(count);
    }

    boolean isConfigured(int year) {
        return configuredYears.contains(year);
    }

    /** Monday-to-Friday days from the reference Monday through {@code day}; only differences mean anything. */
    private static long weekdaysThrough(LocalDate day) {
        long days = day.toEpochDay() - MONDAY;
        return 5 * Math.floorDiv(days, 7) + Math.min(Math.floorMod(days, 7) + 1, 5);
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
