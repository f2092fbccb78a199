package cn.campusgate.organization;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;

import cn.campusgate.core.Actors;
import cn.campusgate.core.AuditedEvent;
import cn.campusgate.core.DemoClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo accounts were created at the start of the demo's story, more than a year ago in the seed's history; their
 * published passwords are final (no change needed, see README), so once real time resumes their password age counts
 * from today rather than expiring on the first sign-in. Audited. Only right after the seed ran its history.
 */
@Component
@Order(46)
@ConditionalOnProperty(name = "campusgate.demo.enabled", havingValue = "true")
class DemoPasswordsCurrent implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final DemoClock demoClock;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DemoPasswordsCurrent(JdbcClient jdbc, DemoClock demoClock, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.demoClock = demoClock;
        this.events = events;
        this.clock = clock;
    }

    record DemoPasswordsDated(int accounts) implements AuditedEvent {
        public String actor() { return Actors.SYSTEM; }
        public String action() { return "demo.passwords-dated"; }
        public String subject() { return "organization:demo"; }
        public Map<String, Object> details() { return Map.of("accounts", accounts); }
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoClock.seededThisStart()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("UPDATE account SET password_changed_at = :now WHERE password_changed_at < :now")
                .param("now", now).update();
        events.publishEvent(new DemoPasswordsDated(updated));
    }
}
