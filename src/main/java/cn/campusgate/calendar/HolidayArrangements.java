package cn.campusgate.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import cn.campusgate.calendar.CalendarEvents.CalendarDayAdded;
import cn.campusgate.calendar.CalendarEvents.CalendarDayRemoved;
import cn.campusgate.calendar.CalendarEvents.CalendarYearConfigured;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Formats;
import cn.campusgate.core.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator keeps each year's holiday arrangement: adds and removes holidays and adjusted working
 * days, and confirms the year once it matches the State Council's notice. Bad input changes nothing.
 */
@Service
public class HolidayArrangements {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private final CalendarRepository repository;
    private final WorkingCalendar calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HolidayArrangements(CalendarRepository repository, WorkingCalendar calendar, ApplicationEventPublisher events,
                        Clock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    /** One year's arrangement as stored; {@code configured} is null until the year is confirmed. */
    public record YearArrangement(int year, @Nullable ConfiguredYear configured, List<CalendarDay> days) {
        public YearArrangement {
            days = List.copyOf(days);
        }

        public long count(DayKind kind) {
            return days.stream().filter(d -> d.kind() == kind).count();
        }
    }

    @Transactional(readOnly = true)
    public YearArrangement year(int year) {
        checkYear(year);
        return new YearArrangement(year, repository.configured(year).orElse(null), repository.daysOf(year));
    }

    /** Years worth offering: those with any entry or configured, and this year and the next. */
    @Transactional(readOnly = true)
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>(repository.knownYears());
        int current = today().getYear();
        years.add(current);
        years.add(current + 1);
        return List.copyOf(years);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Formats.ZONE);
    }

    /** Adds a holiday or an adjusted working day to {@code year}; the date must lie in that year. */
    @Transactional
    public CalendarDay add(int year, CalendarDayCommand command) {
        Actor actor = requireAdministrator();
        checkYear(year);
        LocalDate day = command.day();
        DayKind kind = command.kind();
        String name = command.name() == null ? "" : command.name().strip();
        if (day == null) {
            throw new BusinessRuleViolation("calendar.day.required");
        }
        if (kind == null) {
            throw new BusinessRuleViolation("calendar.kind.required");
        }
        if (name.isEmpty()) {
            throw new BusinessRuleViolation("calendar.name.required");
        }
        if (name.length() > 40) {
            throw new BusinessRuleViolation("calendar.name.tooLong");
        }
        if (day.getYear() != year) {
            throw new BusinessRuleViolation("calendar.day.outsideYear", String.valueOf(year));
        }
        if (kind == DayKind.ADJUSTED_WORKDAY && !HolidayTable.isWeekend(day)) {
            throw new BusinessRuleViolation("calendar.day.workdayOnWeekday");
        }
        CalendarDay entry = new CalendarDay(day, kind, name);
        if (!repository.insert(entry)) {
            CalendarDay existing = repository.find(day).orElse(entry);
            throw new BusinessRuleViolation("calendar.day.duplicate", existing.name());
        }
        events.publishEvent(new CalendarDayAdded(actor.username(), day, kind, name));
        calendar.reloadAfterCommit();
        return entry;
    }

    @Transactional
    public CalendarDay remove(LocalDate day) {
        Actor actor = requireAdministrator();
        CalendarDay existing = repository.find(day)
                .orElseThrow(() -> new BusinessRuleViolation("calendar.day.notListed"));
        repository.delete(day);
        events.publishEvent(new CalendarDayRemoved(actor.username(), day, existing.kind(), existing.name()));
        calendar.reloadAfterCommit();
        return existing;
    }

    /** Confirms that the year's arrangement is complete, e.g. entered from the State Council's notice. */
    @Transactional
    public ConfiguredYear markConfigured(int year, @Nullable String note) {
        Actor actor = requireAdministrator();
        checkYear(year);
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 200) {
            throw new BusinessRuleViolation("calendar.note.tooLong");
        }
        if (!repository.markConfigured(year, actor.username(), clock.instant(), text)) {
            throw new BusinessRuleViolation("calendar.year.alreadyConfigured", String.valueOf(year));
        }
        events.publishEvent(new CalendarYearConfigured(actor.username(), year, text == null ? "" : text));
        calendar.reloadAfterCommit();
        return repository.configured(year).orElseThrow();
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new BusinessRuleViolation("calendar.year.outOfRange", String.valueOf(FIRST_YEAR),
                    String.valueOf(LAST_YEAR));
        }
    }

    private static Actor requireAdministrator() {
        Actor actor = Actors.required();
        if (!actor.has(Role.ADMINISTRATOR)) {
            throw new AccessDeniedException("administrator only");
        }
        return actor;
    }
}
