package cn.campusgate.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * 演示时钟: the application's date in demo mode only ({@code campusgate.demo.enabled=true}; no such bean under
 * {@code prod}). The application's {@link java.time.Clock} is then the real time shifted forward by an offset
 * that an administrator may only increase, kept in PostgreSQL (so every node and a restart see it) and read with
 * a short cache. While the demo district is first seeded, the seed may also run its history "as of" past dates:
 * it pins the application's time to a day in the past, moves it forward as its story goes on, and resumes real
 * time at the end, so the audit trail's timestamps only ever grow.
 */
public interface DemoClock {

    /**
     * What the header and the administrator's page show.
     *
     * @param realToday today by the wall clock (in the district's time zone)
     * @param today     the application's today (the real one plus the offset)
     * @param offsetDays whole days the application is ahead of the real date
     * @param version   changes with every move, for optimistic locking
     */
    record State(LocalDate realToday, LocalDate today, long offsetDays, int version, boolean seeding) {
        public boolean shifted() {
            return !today.equals(realToday);
        }
    }

    State state();

    /**
     * The administrator moves the application's date forward to {@code to} (never back), audited.
     *
     * @throws BusinessRuleViolation when {@code to} is not after the application's today or too far ahead
     */
    State moveForward(LocalDate to, int expectedVersion);

    /** The wall clock's date, whatever the offset or the seed's history says. */
    LocalDate realToday();

    /**
     * The seed's history: from now on the application's time is {@code at} and runs on from there, until
     * {@link #resumeRealTime()}. Never goes back: an earlier {@code at} than the application's time is ignored.
     */
    void seedAsOf(LocalDateTime at);

    /** Whether the seed's history pinned the application's time during this start (so the seed ran now). */
    boolean seededThisStart();

    /** The seed is done: real time (plus the offset) again. */
    void resumeRealTime();
}
