package cn.campusgate.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import cn.campusgate.approval.Quotas;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.delivery.ImplementationPlans.PlannedActivity;
import cn.campusgate.monitoring.MonitoringEvents.MonthlyReturnConfirmed;
import cn.campusgate.monitoring.MonitoringEvents.MonthlyReturnPrefilled;
import cn.campusgate.monitoring.MonitoringEvents.MonthlyReturnReopened;
import cn.campusgate.notification.Notice;
import cn.campusgate.notification.Notifications;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monitoring schools' monthly returns (监测点学校月报) during term: one consolidated return a month, prefilled from
 * the approved plans that reached the school and from what the school already recorded, so nothing is asked
 * twice and nothing is asked of teachers. The school confirms or corrects it; the commission may reopen it.
 */
@Service
public class MonthlyReturns {

    private final MonitoringRepository repository;
    private final ImplementationPlans plans;
    private final SentinelRecords records;
    private final Organizations organizations;
    private final Quotas quotas;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<Integer> termMonths;

    MonthlyReturns(MonitoringRepository repository, ImplementationPlans plans, SentinelRecords records,
                   Organizations organizations, Quotas quotas, Notifications notifications,
                   ApplicationEventPublisher events, Clock clock,
                   @Value("${campusgate.monitoring.term-months:1,3,4,5,6,9,10,11,12}") String termMonths) {
        this.repository = repository;
        this.plans = plans;
        this.records = records;
        this.organizations = organizations;
        this.quotas = quotas;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.termMonths = new TreeSet<>(Arrays.stream(termMonths.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList());
    }

    /** A return with what the school recorded in its month. */
    public record View(MonthlyReturn monthlyReturn, Organization school, SentinelRecords.Totals totals) {
    }

    /** One monitoring school's state for a month, for the commission's overview. */
    public record SchoolMonth(Organization school, @Nullable MonthlyReturn monthlyReturn) {
    }

    public boolean termMonth(YearMonth month) {
        return termMonths.contains(month.getMonthValue());
    }

    /** Term months of the last twelve, newest first, that the signed-in monitoring school may return. */
    @Transactional(readOnly = true)
    public List<YearMonth> months() {
        monitoringSchool();
        YearMonth now = YearMonth.now(clock);
        List<YearMonth> months = new ArrayList<>();
        for (int back = 0; back < 12; back++) {
            YearMonth month = now.minusMonths(back);
            if (termMonth(month)) {
                months.add(month);
            }
        }
        return months;
    }

    /** The returns the school already has, by month. */
    @Transactional(readOnly = true)
    public Map<YearMonth, MonthlyReturn> existing() {
        Organization school = monitoringSchool();
        Map<YearMonth, MonthlyReturn> found = new LinkedHashMap<>();
        repository.returnsOf(school.id()).forEach(r -> found.put(r.month(), r));
        return found;
    }

    /** The school's return for the month, prefilled when first opened (and refreshed while unconfirmed). */
    @Transactional
    public View open(YearMonth month) {
        Actor actor = Actors.required();
        Organization school = monitoringSchool();
        if (!termMonth(month)) {
            throw new BusinessRuleViolation("monitoring.return.notTerm");
        }
        if (month.isAfter(YearMonth.now(clock))) {
            throw new BusinessRuleViolation("monitoring.return.notYet");
        }
        List<ReturnLine> lines = prefilled(school.id(), month);
        Optional<MonthlyReturn> found = repository.monthlyReturn(school.id(), month);
        MonthlyReturn monthlyReturn;
        if (found.isEmpty()) {
            monthlyReturn = repository.insertReturn(MonthlyReturn.prefill(school.id(), records.districtOf(school), month,
                    lines, clock.instant()));
            events.publishEvent(new MonthlyReturnPrefilled(actor.username(), monthlyReturn.id(), school.id(),
                    month.toString(), lines.size()));
        } else {
            monthlyReturn = found.get();
            if (monthlyReturn.refresh(lines, clock.instant())) {
                repository.saveReturn(monthlyReturn);
                events.publishEvent(new MonthlyReturnPrefilled(actor.username(), monthlyReturn.id(), school.id(),
                        month.toString(), lines.size()));
            }
        }
        return new View(monthlyReturn, school, records.totals(school.id(), month.atDay(1), month.atEndOfMonth()));
    }

    @Transactional
    public MonthlyReturn confirm(long id, int expectedVersion, List<MonthlyReturn.LineAnswer> answers,
                                 @Nullable String note) {
        Actor actor = Actors.required();
        Organization school = monitoringSchool();
        MonthlyReturn monthlyReturn = repository.monthlyReturn(id).filter(r -> r.schoolId() == school.id())
                .orElseThrow(() -> new NotFound("monthlyReturn", id));
        if (monthlyReturn.version() != expectedVersion) {
            throw new BusinessRuleViolation("error.stale");
        }
        monthlyReturn.confirm(answers, note, LocalDate.now(clock), actor.username(), clock.instant());
        repository.saveReturn(monthlyReturn);
        events.publishEvent(new MonthlyReturnConfirmed(actor.username(), id, monthlyReturn.month().toString(),
                monthlyReturn.status()));
        return monthlyReturn;
    }

    /** The commission's view of a month: every monitoring school of its jurisdiction and its return, if any. */
    @Transactional(readOnly = true)
    public List<SchoolMonth> overview(YearMonth month) {
        Actor actor = SentinelRecords.requireStaff();
        Set<Long> scope = organizations.subtreeOf(quotas.jurisdictionOf(actor));
        Map<Long, MonthlyReturn> bySchool = new LinkedHashMap<>();
        repository.returnsOfJurisdictions(scope, month).forEach(r -> bySchool.put(r.schoolId(), r));
        return organizations.ofKind(OrganizationKind.SCHOOL).stream()
                .filter(s -> s.active() && s.monitoringSchool() && scope.contains(s.id()))
                .map(s -> new SchoolMonth(s, bySchool.get(s.id()))).toList();
    }

    /** The commission asks a school to look at its return again. */
    @Transactional
    public MonthlyReturn reopen(long id, int expectedVersion, @Nullable String reason) {
        Actor actor = Actors.required();
        if (!actor.has(Role.COMMISSION_REVIEWER)) {
            throw new AccessDeniedException("the education commission reopens returns");
        }
        Set<Long> scope = organizations.subtreeOf(quotas.jurisdictionOf(actor));
        MonthlyReturn monthlyReturn = repository.monthlyReturn(id).filter(r -> scope.contains(r.jurisdictionId()))
                .orElseThrow(() -> new NotFound("monthlyReturn", id));
        if (monthlyReturn.version() != expectedVersion) {
            throw new BusinessRuleViolation("error.stale");
        }
        monthlyReturn.reopen(reason);
        repository.saveReturn(monthlyReturn);
        events.publishEvent(new MonthlyReturnReopened(actor.username(), id, java.util.Objects.requireNonNull(
                monthlyReturn.reopenReason())));
        notifications.sendToRole(monthlyReturn.schoolId(), Role.SCHOOL_SENTINEL, new Notice("notice.return.reopened",
                List.of(monthlyReturn.month().toString()), "/sentinel/returns/" + monthlyReturn.month()));
        return monthlyReturn;
    }

    /** The term month whose return the school should confirm now (this month or the last term month), if unconfirmed. */
    @Transactional(readOnly = true)
    public Optional<YearMonth> awaiting(Actor actor) {
        if (!actor.has(Role.SCHOOL_SENTINEL)) {
            return Optional.empty();
        }
        Organization school = organizations.get(actor.organizationId());
        if (!school.monitoringSchool()) {
            return Optional.empty();
        }
        YearMonth now = YearMonth.now(clock);
        for (YearMonth month : List.of(now.minusMonths(1), now)) {
            if (termMonth(month)) {
                Optional<MonthlyReturn> found = repository.monthlyReturn(school.id(), month);
                if (found.isEmpty() || found.get().status().awaitingSchool()) {
                    return Optional.of(month);
                }
            }
        }
        return Optional.empty();
    }

    private List<ReturnLine> prefilled(long schoolId, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<Long, SentinelRecord> recorded = new LinkedHashMap<>();
        records.totals(schoolId, from, to).records().stream().filter(r -> r.planId() != null)
                .forEach(r -> recorded.putIfAbsent(r.planId(), r));
        List<ReturnLine> lines = new ArrayList<>();
        for (PlannedActivity p : plans.plannedFor(schoolId, from, to)) {
            SentinelRecord record = recorded.get(p.planId());
            lines.add(new ReturnLine(p.planId(), p.title(), p.departmentName(), p.startsOn(), p.endsOn(), p.classHours(),
                    p.teachersInvolved(), record == null ? null : record.id(), true,
                    record == null ? p.classHours() : record.classHours()));
        }
        return lines;
    }

    private Organization monitoringSchool() {
        Actor actor = Actors.required();
        if (!actor.has(Role.SCHOOL_SENTINEL)) {
            throw new AccessDeniedException("school sentinels only");
        }
        Organization school = organizations.get(actor.organizationId());
        if (!school.monitoringSchool()) {
            throw new BusinessRuleViolation("monitoring.return.notMonitoringSchool");
        }
        return school;
    }
}
