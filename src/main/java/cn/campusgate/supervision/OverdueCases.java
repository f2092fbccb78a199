package cn.campusgate.supervision;

import java.time.Clock;
import java.time.LocalDate;

import cn.campusgate.core.Actors;
import cn.campusgate.supervision.SupervisionEvents.CaseOverdue;
import cn.campusgate.supervision.SupervisionEvents.SanctionResponseOverdue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every morning (and at start-up): a case whose stage passed its deadline is flagged once for that stage and
 * climbs one escalation level (its supervisors and the commission's task-force office are told; from the second
 * level, the district leadership group too); a measure whose response window passed unanswered is flagged,
 * and the next rung of the ladder is suggested on the case.
 */
@Service
public class OverdueCases {

    private final SupervisionRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OverdueCases(SupervisionRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void flagAtStartup() {
        flagNewlyOverdue();
    }

    /** @return how many cases and measures were flagged */
    @Scheduled(cron = "${campusgate.supervision.overdue-cron:0 5 8 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public int flagNewlyOverdue() {
        LocalDate today = LocalDate.now(clock);
        int flagged = 0;
        for (long id : repository.newlyOverdue(today)) {
            SupervisionCase kase = repository.lock(id).orElseThrow();
            if (!kase.status().open() || kase.overdue() || !kase.dueOn().isBefore(today)) {
                continue;
            }
            kase.markOverdue(clock.instant());
            repository.save(kase);
            events.publishEvent(new CaseOverdue(Actors.SYSTEM, kase.id(), kase.number(), kase.jurisdictionId(),
                    kase.status(), kase.dueOn(), kase.escalationLevel()));
            flagged++;
        }
        for (long id : repository.casesWithLateResponses(today)) {
            SupervisionCase kase = repository.lock(id).orElseThrow();
            for (Sanction sanction : kase.sanctionsInternal()) {
                if (!sanction.responseOverdue() && sanction.lateOn(today)) {
                    sanction.markResponseOverdue();
                    events.publishEvent(new SanctionResponseOverdue(Actors.SYSTEM, kase.id(), kase.number(),
                            kase.jurisdictionId(), sanction.id(), sanction.kind(), sanction.targetId()));
                    flagged++;
                }
            }
            repository.save(kase);
        }
        return flagged;
    }
}
