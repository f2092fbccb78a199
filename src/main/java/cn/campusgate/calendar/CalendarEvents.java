package cn.campusgate.calendar;

import java.time.LocalDate;
import java.util.Map;

import cn.campusgate.core.AuditedEvent;

/** Past-tense changes to the working-day calendar; every one is audited. */
public final class CalendarEvents {

    private CalendarEvents() {
    }

    public record CalendarDayAdded(String actor, LocalDate day, DayKind kind, String name) implements AuditedEvent {
        public String action() { return "calendar.day-added"; }
        public String subject() { return "calendar:" + day; }
        public Map<String, Object> details() { return Map.of("kind", kind, "name", name); }
    }

    public record CalendarDayRemoved(String actor, LocalDate day, DayKind kind, String name) implements AuditedEvent {
        public String action() { return "calendar.day-removed"; }
        public String subject() { return "calendar:" + day; }
        public Map<String, Object> details() { return Map.of("kind", kind, "name", name); }
    }

    public record CalendarYearConfigured(String actor, int year, String note) implements AuditedEvent {
        public String action() { return "calendar.year-configured"; }
        public String subject() { return "calendar:" + year; }
        public Map<String, Object> details() { return Map.of("note", note); }
    }
}
