package cn.campusgate.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.AuditedEvent;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.DemoClock;
import cn.campusgate.core.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo clock, its offset kept in the one-row table {@code demo_clock}. Every node reads the row every
 * {@link #REFRESH} (and at once after its own move), so the application's time never waits for the database: during an
 * outage the last offset read stays in force.
 */
class DatabaseDemoClock implements DemoClock, DisposableBean {

    static final Duration REFRESH = Duration.ofSeconds(2);
    /** One move goes at most this far ahead of the application's today. */
    static final int MAX_DAYS_PER_MOVE = 400;
    private static final Logger log = LoggerFactory.getLogger(DatabaseDemoClock.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock wall;
    private final ZoneId zone;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ScheduledExecutorService refresher;

    private volatile long offsetSeconds;
    private volatile int version;
    private volatile @Nullable Pinned pinned;
    private volatile boolean seeded;

    private record Pinned(Instant at, long nanos) {
        Instant now() {
            return at.plusNanos(System.nanoTime() - nanos);
        }
    }

    record DemoClockMoved(String actor, LocalDate from, LocalDate to, long offsetDays) implements AuditedEvent {
        public String action() { return "demo-clock.moved"; }
        public String subject() { return "demo-clock"; }
        public Map<String, Object> details() {
            return Map.of("from", from.toString(), "to", to.toString(), "offsetDays", offsetDays);
        }
    }

    DatabaseDemoClock(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                      Clock wall) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
        this.wall = wall;
        this.zone = wall.getZone();
        this.clock = new ApplicationClock(zone);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "demo-clock");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The application's clock: the wall clock plus the offset, or the seed's pinned history. */
    Clock clock() {
        return clock;
    }

    private Instant now() {
        Pinned p = pinned;
        return p != null ? p.now() : wall.instant().plusSeconds(offsetSeconds);
    }

    void refresh() {
        try {
            jdbc.sql("SELECT offset_seconds, version FROM demo_clock WHERE id = 1").query((rs, n) -> {
                long offset = rs.getLong(1);
                int v = rs.getInt(2);
                if (offset >= offsetSeconds || v != version) {
                    offsetSeconds = offset;
                    version = v;
                }
                return null;
            }).optional();
        } catch (RuntimeException e) {
            // Before the migrations ran, or during a database outage: keep the offset last read.
            log.debug("Demo clock not read: {}", e.getMessage());
        }
    }

    @Override
    public State state() {
        return new State(realToday(), LocalDate.ofInstant(now(), zone), offsetSeconds / 86_400, version,
                pinned != null);
    }

    @Override
    public State moveForward(LocalDate to, int expectedVersion) {
        Actor actor = Actors.required();
        if (!actor.has(Role.ADMINISTRATOR)) {
            throw new AccessDeniedException("administrators only");
        }
        refresh();
        if (pinned != null) {
            throw new BusinessRuleViolation("demoClock.seeding");
        }
        LocalDate today = state().today();
        if (!to.isAfter(today)) {
            throw new BusinessRuleViolation("demoClock.notForward", today);
        }
        if (ChronoUnit.DAYS.between(today, to) > MAX_DAYS_PER_MOVE) {
            throw new BusinessRuleViolation("demoClock.tooFar", MAX_DAYS_PER_MOVE);
        }
        long days = ChronoUnit.DAYS.between(realToday(), to);
        transactions.executeWithoutResult(status -> move(actor, today, to, days, expectedVersion));
        log.info("Demo clock moved forward from {} to {} by {}", today, to, actor.username());
        return state();
    }

    private void move(Actor actor, LocalDate today, LocalDate to, long days, int expectedVersion) {
        int updated = jdbc.sql("""
                UPDATE demo_clock SET offset_seconds = :offset, version = version + 1, moved_by = :by, moved_at = now()
                WHERE id = 1 AND version = :version AND offset_seconds < :offset""")
                .param("offset", days * 86_400).param("by", actor.username()).param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new BusinessRuleViolation("error.stale");
        }
        offsetSeconds = days * 86_400;
        version = expectedVersion + 1;
        events.publishEvent(new DemoClockMoved(actor.username(), today, to, days));
    }

    @Override
    public LocalDate realToday() {
        return LocalDate.now(wall);
    }

    @Override
    public synchronized void seedAsOf(LocalDateTime at) {
        Instant instant = at.atZone(zone).toInstant();
        if (pinned == null || instant.isAfter(now())) {
            pinned = new Pinned(instant, System.nanoTime());
            seeded = true;
        }
    }

    @Override
    public boolean seededThisStart() {
        return seeded;
    }

    @Override
    public synchronized void resumeRealTime() {
        Pinned p = pinned;
        if (p != null && p.now().isAfter(wall.instant().plusSeconds(offsetSeconds))) {
            log.warn("The demo seed's history ran past the real time; time resumes at the real time");
        }
        pinned = null;
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }

    private final class ApplicationClock extends Clock {

        private final ZoneId zone;

        ApplicationClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return other.equals(zone) ? this : new ApplicationClock(other);
        }

        @Override
        public Instant instant() {
            return now();
        }

        @Override
        public long millis() {
            return now().toEpochMilli();
        }
    }
}
