package cn.campusgate.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The working-day arithmetic over the arrangement exactly as the V11 migration seeds it, which is checked
 * here against the State Council's notices for 2025 and 2026.
 */
class WorkingCalendarTests {

    static final String MIGRATION = "src/main/resources/db/migration/V11__calendar.sql";
    static final Map<LocalDate, DayKind> SEEDED_DAYS = seededDays();
    static final HolidayTable SEEDED = new HolidayTable(SEEDED_DAYS, seededYears());
    final WorkingCalendar calendar = new WorkingCalendar(() -> SEEDED);

    /** Reads the rows the migration inserts, so these tests run on the data the application runs on. */
    static Map<LocalDate, DayKind> seededDays() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        Matcher day = Pattern.compile("\\('(\\d{4}-\\d{2}-\\d{2})', '(HOLIDAY|ADJUSTED_WORKDAY)', '[^']+'\\)")
                .matcher(migration());
        while (day.find()) {
            assertThat(days.put(LocalDate.parse(day.group(1)), DayKind.valueOf(day.group(2)))).as(day.group(1)).isNull();
        }
        return days;
    }

    static Set<Integer> seededYears() {
        Set<Integer> years = new HashSet<>();
        Matcher year = Pattern.compile("VALUES \\((\\d{4}), 'system'").matcher(migration());
        while (year.find()) {
            years.add(Integer.parseInt(year.group(1)));
        }
        return years;
    }

    private static String migration() {
        try {
            return Files.readString(Path.of(MIGRATION));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Stream<LocalDate> range(String from, String to) {
        return d(from).datesUntil(d(to).plusDays(1));
    }

    @Test
    void theSeedHolds2025And2026AsTheStateCouncilArrangedThem() {
        // 2026 (国务院办公厅 2025年11月4日): holidays
        List<String> holidays2026 = Stream.of(range("2026-01-01", "2026-01-03"), range("2026-02-15", "2026-02-23"),
                        range("2026-04-04", "2026-04-06"), range("2026-05-01", "2026-05-05"),
                        range("2026-06-19", "2026-06-21"), range("2026-09-25", "2026-09-27"),
                        range("2026-10-01", "2026-10-07"))
                .flatMap(s -> s).map(LocalDate::toString).toList();
        assertThat(holidays2026).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(listed(2026, DayKind.HOLIDAY)).containsExactlyInAnyOrderElementsOf(holidays2026);
        assertThat(listed(2026, DayKind.ADJUSTED_WORKDAY))
                .containsExactlyInAnyOrder("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");

        // 2025 (国务院办公厅 2024年11月12日)
        List<String> holidays2025 = Stream.of(range("2025-01-01", "2025-01-01"), range("2025-01-28", "2025-02-04"),
                        range("2025-04-04", "2025-04-06"), range("2025-05-01", "2025-05-05"),
                        range("2025-05-31", "2025-06-02"), range("2025-10-01", "2025-10-08"))
                .flatMap(s -> s).map(LocalDate::toString).toList();
        assertThat(listed(2025, DayKind.HOLIDAY)).containsExactlyInAnyOrderElementsOf(holidays2025);
        assertThat(listed(2025, DayKind.ADJUSTED_WORKDAY))
                .containsExactlyInAnyOrder("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");

        assertThat(calendar.isConfigured(2025)).isTrue();
        assertThat(calendar.isConfigured(2026)).isTrue();
        assertThat(calendar.isConfigured(2027)).as("2027 is not published to us: not invented").isFalse();
        assertThat(calendar.isConfigured(2024)).isFalse();
    }

    @ParameterizedTest(name = "the notice says {0} is a {1}")
    @CsvSource({
            // the weekdays the notices name, so a typo in a date cannot pass unnoticed
            "2026-01-01, THURSDAY", "2026-01-03, SATURDAY", "2026-01-04, SUNDAY", "2026-02-15, SUNDAY",
            "2026-02-23, MONDAY", "2026-02-14, SATURDAY", "2026-02-28, SATURDAY", "2026-04-04, SATURDAY",
            "2026-04-06, MONDAY", "2026-05-01, FRIDAY", "2026-05-05, TUESDAY", "2026-05-09, SATURDAY",
            "2026-06-19, FRIDAY", "2026-06-21, SUNDAY", "2026-09-25, FRIDAY", "2026-09-27, SUNDAY",
            "2026-10-01, THURSDAY", "2026-10-07, WEDNESDAY", "2026-09-20, SUNDAY", "2026-10-10, SATURDAY",
            "2025-01-01, WEDNESDAY", "2025-01-28, TUESDAY", "2025-02-04, TUESDAY", "2025-01-26, SUNDAY",
            "2025-02-08, SATURDAY", "2025-04-04, FRIDAY", "2025-05-01, THURSDAY", "2025-05-05, MONDAY",
            "2025-04-27, SUNDAY", "2025-05-31, SATURDAY", "2025-06-02, MONDAY", "2025-10-01, WEDNESDAY",
            "2025-10-08, WEDNESDAY", "2025-09-28, SUNDAY", "2025-10-11, SATURDAY"})
    void theNoticesWeekdaysMatch(LocalDate day, DayOfWeek weekday) {
        assertThat(day.getDayOfWeek()).isEqualTo(weekday);
    }

    @Test
    void ordinaryWeeksWorkMondayToFriday() {
        assertThat(calendar.isWorkingDay(d("2026-11-30"))).isTrue();  // Monday
        assertThat(calendar.isWorkingDay(d("2026-12-04"))).isTrue();  // Friday
        assertThat(calendar.isWorkingDay(d("2026-12-05"))).isFalse(); // Saturday
        assertThat(calendar.isWorkingDay(d("2026-12-06"))).isFalse(); // Sunday
        assertThat(calendar.addWorkingDays(d("2026-12-04"), 1)).isEqualTo(d("2026-12-07"));
        assertThat(calendar.addWorkingDays(d("2026-12-05"), 1)).isEqualTo(d("2026-12-07"));
        assertThat(calendar.addWorkingDays(d("2026-11-30"), 5)).isEqualTo(d("2026-12-07"));
        assertThat(calendar.addWorkingDays(d("2026-11-30"), 10)).isEqualTo(d("2026-12-14"));
    }

    @Test
    void holidaysAreSkippedAndAdjustedWeekendsCount() {
        assertThat(calendar.isWorkingDay(d("2026-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-10-05"))).isFalse(); // a Monday inside National Day
        assertThat(calendar.isWorkingDay(d("2026-10-10"))).isTrue();  // Saturday, worked
        assertThat(calendar.isWorkingDay(d("2026-09-20"))).isTrue();  // Sunday, worked
        // 10/1–10/7 off, 10/8 is a Thursday
        assertThat(calendar.addWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        // Thu 10/8, Fri 10/9, Sat 10/10 (worked), then Mon 10/12
        assertThat(calendar.addWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
        assertThat(calendar.addWorkingDays(d("2026-09-30"), 4)).isEqualTo(d("2026-10-12"));
        // Fri 9/18 + 1: the Sunday 9/20 is worked
        assertThat(calendar.addWorkingDays(d("2026-09-18"), 1)).isEqualTo(d("2026-09-20"));
        // 中秋 9/25–9/27, then National Day: from Thu 9/24, Mon 9/28, Tue 9/29, Wed 9/30, Thu 10/8
        assertThat(calendar.addWorkingDays(d("2026-09-24"), 4)).isEqualTo(d("2026-10-08"));
        // New Year: 1/1–1/3 off, Sunday 1/4 worked
        assertThat(calendar.addWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
        // Labour Day: 5/1–5/5 off, Saturday 5/9 worked
        assertThat(calendar.addWorkingDays(d("2026-04-30"), 4)).isEqualTo(d("2026-05-09"));
    }

    @Test
    void springFestivalWithItsTwoWorkedSaturdays() {
        assertThat(calendar.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-02-28"))).isTrue();
        assertThat(range("2026-02-15", "2026-02-23")).noneMatch(calendar::isWorkingDay);
        // Fri 2/13 → Sat 2/14 (worked) → then nothing until Tue 2/24
        assertThat(calendar.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(calendar.addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
        // Tue 2/24 … Fri 2/27 are 4, Sat 2/28 the 5th, Mon 3/2 the 6th
        assertThat(calendar.addWorkingDays(d("2026-02-23"), 5)).isEqualTo(d("2026-02-28"));
        assertThat(calendar.addWorkingDays(d("2026-02-23"), 6)).isEqualTo(d("2026-03-02"));
        // February 2026: 20 weekdays − 6 weekday holidays (2/16–2/20, 2/23) + 2 worked Saturdays
        assertThat(calendar.workingDaysBetween(d("2026-01-31"), d("2026-02-28"))).isEqualTo(16);
        // two weeks after the 2/10 submission: 2/11–2/13, 2/14, 2/24–2/27, 2/28, 3/2 = 10
        assertThat(calendar.addWorkingDays(d("2026-02-10"), 10)).isEqualTo(d("2026-03-02"));
    }

    @Test
    void zeroDaysReturnTheStartEvenOnAHoliday() {
        assertThat(calendar.addWorkingDays(d("2026-10-01"), 0)).isEqualTo(d("2026-10-01"));
        assertThat(calendar.addWorkingDays(d("2026-12-05"), 0)).isEqualTo(d("2026-12-05"));
        assertThat(calendar.workingDaysBetween(d("2026-10-01"), d("2026-10-01"))).isZero();
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2026-10-01"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countingIsHalfOpenAndSigned() {
        assertThat(calendar.workingDaysBetween(d("2026-09-30"), d("2026-10-08"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(d("2026-10-08"), d("2026-09-30"))).isEqualTo(-1);
        assertThat(calendar.workingDaysBetween(d("2026-10-01"), d("2026-10-07"))).isZero();
        // a whole year: 2026 has 261 weekdays, 19 of its holidays fall on weekdays and 6 weekends are worked
        assertThat(calendar.workingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(261 - 19 + 6);
        // an unconfigured year counts Monday to Friday
        assertThat(calendar.workingDaysBetween(d("2026-12-31"), d("2027-12-31"))).isEqualTo(261);
        assertThat(calendar.isWorkingDay(d("2027-10-01"))).isTrue(); // a Friday; 2027 is not arranged yet
    }

    @Test
    void countingAndAddingAgreeEverywhere() {
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        LocalDate first = d("2024-11-01");
        for (int i = 0; i < 3000; i++) {
            LocalDate start = first.plusDays(random.nextInt(900));
            int days = random.nextInt(60);
            LocalDate end = calendar.addWorkingDays(start, days);
            assertThat(calendar.workingDaysBetween(start, end)).as("%s + %d = %s", start, days, end).isEqualTo(days);
            assertThat(calendar.workingDaysBetween(end, start)).isEqualTo(-days);
            if (days > 0) {
                assertThat(calendar.isWorkingDay(end)).isTrue();
                // the day before the result still lacks one working day
                assertThat(calendar.workingDaysBetween(start, end.minusDays(1))).isEqualTo(days - 1);
            }
            // the formula agrees with counting day by day
            LocalDate other = start.plusDays(random.nextInt(120) - 60);
            assertThat(calendar.workingDaysBetween(start, other)).as("%s → %s", start, other)
                    .isEqualTo(countDayByDay(start, other));
        }
    }

    @Test
    void theArrangementIsReadOnceAndAgainAfterAChange() {
        AtomicInteger reads = new AtomicInteger();
        WorkingCalendar cached = new WorkingCalendar(() -> {
            reads.incrementAndGet();
            return SEEDED;
        });
        for (int i = 0; i < 1000; i++) {
            cached.addWorkingDays(d("2026-09-30"), i % 30);
        }
        assertThat(reads).hasValue(1);
        cached.reloadAfterCommit(); // outside a transaction: at once
        assertThat(cached.isWorkingDay(d("2026-10-08"))).isTrue();
        assertThat(reads).hasValue(2);
    }

    private int countDayByDay(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -countDayByDay(to, from);
        }
        return (int) from.plusDays(1).datesUntil(to.plusDays(1)).filter(calendar::isWorkingDay).count();
    }

    private static List<String> listed(int year, DayKind kind) {
        return SEEDED_DAYS.entrySet().stream()
                .filter(e -> e.getKey().getYear() == year && e.getValue() == kind)
                .map(e -> e.getKey().toString()).toList();
    }
}
