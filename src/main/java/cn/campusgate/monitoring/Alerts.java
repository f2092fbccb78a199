package cn.campusgate.monitoring;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import cn.campusgate.approval.Quotas;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.monitoring.MonitoringEvents.AlertAcknowledged;
import cn.campusgate.monitoring.MonitoringEvents.AlertDismissed;
import cn.campusgate.monitoring.MonitoringEvents.AlertTurnedIntoCase;
import cn.campusgate.organization.Organizations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts as the education commission handles them: acknowledge, dismiss with a reason, or turn into a
 * supervision case. The commission and supervisors see their jurisdiction's alerts; a school sees those its own
 * records raised (on the record's page).
 */
@Service
public class Alerts {

    private final MonitoringRepository repository;
    private final Organizations organizations;
    private final Quotas quotas;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Alerts(MonitoringRepository repository, Organizations organizations, Quotas quotas,
           ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.quotas = quotas;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Alert> list(@Nullable AlertStatus status) {
        Actor actor = SentinelRecords.requireStaff();
        return repository.alertsOf(scope(actor), status);
    }

    @Transactional(readOnly = true)
    public Alert get(long id) {
        Actor actor = Actors.required();
        return repository.alert(id).filter(a -> mayRead(actor, a)).orElseThrow(() -> new NotFound("alert", id));
    }

    @Transactional(readOnly = true)
    public long countNew(Actor actor) {
        if (!actor.has(Role.COMMISSION_REVIEWER) && !actor.has(Role.SUPERVISOR)) {
            return 0;
        }
        return repository.countNew(scope(actor));
    }

    @Transactional
    public Alert acknowledge(long id, int expectedVersion) {
        Actor actor = requireHandler();
        Alert alert = locked(actor, id, expectedVersion);
        alert.acknowledge(actor.username(), clock.instant());
        repository.saveAlert(alert);
        events.publishEvent(new AlertAcknowledged(actor.username(), id));
        return alert;
    }

    @Transactional
    public Alert dismiss(long id, int expectedVersion, @Nullable String reason) {
        Actor actor = requireHandler();
        Alert alert = locked(actor, id, expectedVersion);
        alert.dismiss(reason, actor.username(), clock.instant());
        repository.saveAlert(alert);
        events.publishEvent(new AlertDismissed(actor.username(), id, java.util.Objects.requireNonNull(alert.dismissalReason())));
        return alert;
    }

    /** 转督办: the alert becomes a supervision case; the supervision module listens to {@link AlertTurnedIntoCase}. */
    @Transactional
    public Alert openCase(long id, int expectedVersion, @Nullable String note) {
        Actor actor = requireHandler();
        Alert alert = locked(actor, id, expectedVersion);
        alert.openCase(note, actor.username(), clock.instant());
        repository.saveAlert(alert);
        events.publishEvent(new AlertTurnedIntoCase(actor.username(), id, alert.kind(), alert.schoolId(),
                alert.departmentId(), alert.jurisdictionId(), java.util.Objects.requireNonNull(alert.caseNote())));
        return alert;
    }

    private Alert locked(Actor actor, long id, int expectedVersion) {
        Alert alert = repository.lockAlert(id).filter(a -> scope(actor).contains(a.jurisdictionId()))
                .orElseThrow(() -> new NotFound("alert", id));
        if (alert.version() != expectedVersion) {
            throw new BusinessRuleViolation("error.stale");
        }
        return alert;
    }

    private boolean mayRead(Actor actor, Alert alert) {
        if (actor.has(Role.SCHOOL_SENTINEL) && alert.schoolId() == actor.organizationId()) {
            return true;
        }
        return (actor.has(Role.COMMISSION_REVIEWER) || actor.has(Role.SUPERVISOR))
                && scope(actor).contains(alert.jurisdictionId());
    }

    private Set<Long> scope(Actor actor) {
        return organizations.subtreeOf(quotas.jurisdictionOf(actor));
    }

    private static Actor requireHandler() {
        Actor actor = Actors.required();
        if (!actor.has(Role.COMMISSION_REVIEWER)) {
            throw new AccessDeniedException("the education commission handles alerts");
        }
        return actor;
    }
}
