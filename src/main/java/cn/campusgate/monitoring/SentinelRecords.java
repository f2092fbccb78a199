package cn.campusgate.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.campusgate.approval.Quotas;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.delivery.ImplementationPlans;
import cn.campusgate.delivery.ImplementationPlans.PlannedActivity;
import cn.campusgate.monitoring.MonitoringEvents.AlertRaised;
import cn.campusgate.monitoring.MonitoringEvents.SentinelRecordMade;
import cn.campusgate.notification.Notice;
import cn.campusgate.notification.Notifications;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.screening.Finding;
import cn.campusgate.screening.Screening;
import cn.campusgate.screening.ScreeningInput;
import cn.campusgate.screening.ThemeSimilarity;
import cn.campusgate.whitelist.Whitelists;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What schools record as having really entered, and the alerts it raises. A school records and reads its own
 * records; the education commission and supervisors read those of their jurisdiction. Every record is screened
 * with the screening rules and checked against the whitelist in force, in the recording transaction.
 */
@Service
public class SentinelRecords {

    private static final Map<Demand, String> DEMAND_WORDS = Map.of(Demand.CHECK_IN, "打卡", Demand.CHAIN_SIGN_UP, "接龙",
            Demand.LIKES, "点赞转发", Demand.QUIZ, "做题答题", Demand.PHOTOS, "拍照上传", Demand.BRIEFING, "报送简报",
            Demand.APP_DOWNLOAD, "下载注册APP", Demand.DATA_FILLING, "填报数据表格");

    private final MonitoringRepository repository;
    private final ImplementationPlans plans;
    private final Whitelists whitelists;
    private final Screening screening;
    private final ThemeSimilarity similarity;
    private final Organizations organizations;
    private final Quotas quotas;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AlertRules rules;

    SentinelRecords(MonitoringRepository repository, ImplementationPlans plans, Whitelists whitelists,
                    Screening screening, ThemeSimilarity similarity, Organizations organizations, Quotas quotas,
                    Notifications notifications, ApplicationEventPublisher events, Clock clock,
                    @Value("${campusgate.monitoring.inspection-window-days:30}") int inspectionWindowDays,
                    @Value("${campusgate.monitoring.max-comprehensive-inspections:1}") int maxComprehensive,
                    @Value("${campusgate.monitoring.max-secondment-months:6}") int maxSecondmentMonths,
                    @Value("${campusgate.monitoring.repeat-window-days:120}") int repeatWindowDays) {
        this.repository = repository;
        this.plans = plans;
        this.whitelists = whitelists;
        this.screening = screening;
        this.similarity = similarity;
        this.organizations = organizations;
        this.quotas = quotas;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.rules = new AlertRules(inspectionWindowDays, maxComprehensive, maxSecondmentMonths, repeatWindowDays);
    }

    /** A record with the alerts it raised. */
    public record Recorded(SentinelRecord record, List<Alert> alerts) {
    }

    /** Records what entered the signed-in school; screens it, checks it and raises alerts. */
    @Transactional
    public Recorded record(RecordCommand command) {
        Actor actor = requireSchool();
        Organization school = organizations.get(actor.organizationId());
        RecordKind kind = command.kind();
        if (kind == null) {
            throw new BusinessRuleViolation("monitoring.record.kindRequired");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate day = command.occurredOn();
        if (day == null) {
            throw new BusinessRuleViolation("monitoring.record.dateRequired");
        }
        if (day.isAfter(today) && kind != RecordKind.SECONDMENT && kind != RecordKind.OFF_CAMPUS_REQUEST) {
            throw new BusinessRuleViolation("monitoring.record.future");
        }
        if (day.isBefore(today.minusYears(1))) {
            throw new BusinessRuleViolation("monitoring.record.tooOld");
        }
        Long planId = kind == RecordKind.ENTRY ? command.planId() : null;
        Optional<PlannedActivity> planned = planId == null ? Optional.empty()
                : Optional.of(plans.approvedFor(planId, school.id())
                .orElseThrow(() -> new BusinessRuleViolation("monitoring.record.planNotForSchool")));
        Organization department = planned.map(p -> organizations.get(p.departmentId()))
                .orElseGet(() -> department(command.departmentId()));
        String title = planned.map(PlannedActivity::title).orElse(command.title());
        if (title == null) {
            throw new BusinessRuleViolation("monitoring.record.titleRequired");
        }
        int teachers = Objects.requireNonNullElse(command.teachers(), 0);
        int hours = kind == RecordKind.ENTRY ? Objects.requireNonNullElse(command.classHours(), 0) : 0;
        LocalDate endsOn = null;
        if (kind == RecordKind.SECONDMENT) {
            endsOn = command.endsOn();
            if (endsOn == null || endsOn.isBefore(day)) {
                throw new BusinessRuleViolation("monitoring.record.secondmentDates");
            }
        }
        if ((kind == RecordKind.SECONDMENT || kind == RecordKind.OFF_CAMPUS_REQUEST) && teachers < 1) {
            throw new BusinessRuleViolation("monitoring.record.teachersRequired");
        }
        LocalDate assignedOn = kind == RecordKind.INSPECTION ? command.assignedOn() : null;
        if (assignedOn != null && assignedOn.isAfter(day)) {
            throw new BusinessRuleViolation("monitoring.record.assignedAfter");
        }
        boolean comprehensive = kind == RecordKind.INSPECTION && Boolean.TRUE.equals(command.comprehensive());
        List<Finding> findings = screening.check(input(kind, title, command, teachers), Locale.SIMPLIFIED_CHINESE);
        String coverage = kind == RecordKind.ENTRY || kind == RecordKind.INSPECTION
                ? coverage(school, department, title, day) : SentinelRecord.NOT_CHECKED;
        long district = districtOf(school);
        SentinelRecord draft = new SentinelRecord(0, school.id(), school.name(), district, kind,
                planned.map(PlannedActivity::planId).orElse(null), department.id(), department.name(), title, day,
                endsOn, hours, teachers, command.demands(), assignedOn, comprehensive, command.note(), coverage, findings,
                actor.username(), clock.instant());
        long id = repository.insertRecord(draft);
        SentinelRecord record = repository.record(id).orElseThrow();
        events.publishEvent(new SentinelRecordMade(actor.username(), id, school.id(), kind, department.id(), title, day,
                coverage, findings.size(), hours));
        List<SentinelRecord> earlier = repository.recordsOfSchool(school.id(), day.minusYears(1), day.plusYears(1));
        int cap = quotas.caps(district, day.getYear()).maxActivitiesPerSchoolSemester();
        List<Alert> alerts = new ArrayList<>();
        for (AlertRules.Raised raised : rules.assess(record, earlier, cap, this::sameOrSimilar)) {
            Alert alert = Alert.raise(raised, record, clock.instant());
            repository.insertAlert(alert);
            events.publishEvent(new AlertRaised(Actors.SYSTEM, alert.id(), alert.kind(), id, school.id(),
                    department.id(), district));
            alerts.add(alert);
        }
        if (!alerts.isEmpty()) {
            notifyCommission(district, new Notice("notice.alert.raised", List.of(school.name(), title,
                    String.valueOf(alerts.size())), "/alerts/" + alerts.getFirst().id()));
        }
        return new Recorded(record, alerts);
    }

    /** The signed-in school's records, newest first. */
    @Transactional(readOnly = true)
    public List<SentinelRecord> mine() {
        Actor actor = requireSchool();
        return repository.recentOfSchool(actor.organizationId(), 200);
    }

    /** Recent records of the actor's jurisdiction, for the commission and supervisors. */
    @Transactional(readOnly = true)
    public List<SentinelRecord> ofJurisdiction() {
        Actor actor = requireStaff();
        return repository.recordsOfJurisdictions(organizations.subtreeOf(quotas.jurisdictionOf(actor)), 500);
    }

    /** A record the actor may read: the school its own, the commission and supervisors their jurisdiction's. */
    @Transactional(readOnly = true)
    public SentinelRecord get(long id) {
        Actor actor = Actors.required();
        return repository.record(id).filter(r -> mayRead(actor, r)).orElseThrow(() -> new NotFound("sentinelRecord", id));
    }

    /** The alerts a record raised, for whoever may read the record. */
    @Transactional(readOnly = true)
    public List<Alert> alertsOf(SentinelRecord record) {
        get(record.id());
        return repository.alertsOfRecord(record.id());
    }

    /** Approved activities of the school around a day, to pick from (the quick form lists them first). */
    @Transactional(readOnly = true)
    public List<PlannedActivity> plannedAround(LocalDate day) {
        Actor actor = requireSchool();
        return plans.plannedFor(actor.organizationId(), day.minusDays(60), day.plusDays(14)).stream()
                .sorted(Comparator.comparing((PlannedActivity p) -> Math.abs(p.startsOn().toEpochDay() - day.toEpochDay())))
                .toList();
    }

    /** Bodies that bring work into schools: departments, the commission, the supervision office, towns and the district. */
    @Transactional(readOnly = true)
    public List<Organization> bodies() {
        List<Organization> found = new ArrayList<>();
        for (OrganizationKind kind : List.of(OrganizationKind.DEPARTMENT, OrganizationKind.EDUCATION_COMMISSION,
                OrganizationKind.SUPERVISION_OFFICE, OrganizationKind.JURISDICTION)) {
            organizations.ofKind(kind).stream().filter(Organization::active)
                    .filter(o -> kind != OrganizationKind.JURISDICTION || o.parentId() != null)
                    .sorted(Comparator.comparingLong(Organization::id)).forEach(found::add);
        }
        return found;
    }

    /** Totals of the school's records in a period, collected once and reused (the monthly return shows them). */
    @Transactional(readOnly = true)
    public Totals totals(long schoolId, LocalDate from, LocalDate to) {
        List<SentinelRecord> records = repository.recordsOfSchool(schoolId, from, to);
        Map<RecordKind, Long> byKind = records.stream().collect(Collectors.groupingBy(SentinelRecord::kind,
                () -> new java.util.EnumMap<>(RecordKind.class), Collectors.counting()));
        List<SentinelRecord> entries = records.stream().filter(r -> r.kind() == RecordKind.ENTRY).toList();
        return new Totals(records, byKind.getOrDefault(RecordKind.ENTRY, 0L),
                entries.stream().filter(r -> !r.covered()).count(),
                entries.stream().mapToInt(SentinelRecord::classHours).sum(),
                entries.stream().mapToInt(SentinelRecord::teachers).sum(),
                byKind.getOrDefault(RecordKind.INSPECTION, 0L), byKind.getOrDefault(RecordKind.OFF_CAMPUS_REQUEST, 0L),
                byKind.getOrDefault(RecordKind.SECONDMENT, 0L));
    }

    /**
     * @param teacherTimes teachers involved summed over the activities: person-times of the school, never per teacher
     */
    public record Totals(List<SentinelRecord> records, long entries, long notCovered, int classHours,
                         int teacherTimes, long inspections, long offCampusRequests, long secondments) {
        public Totals {
            records = List.copyOf(records);
        }
    }

    // --- helpers ---

    private boolean sameOrSimilar(String a, String b) {
        String na = a.replaceAll("[\\p{P}\\p{Z}\\s]+", "");
        String nb = b.replaceAll("[\\p{P}\\p{Z}\\s]+", "");
        return na.equals(nb) || na.contains(nb) || nb.contains(na) || similarity.similar(a, b);
    }

    private ScreeningInput input(RecordKind kind, String title, RecordCommand command, int teachers) {
        String demands = command.demands().isEmpty() ? null : "要求" + command.demands().stream().sorted()
                .map(DEMAND_WORDS::get).collect(Collectors.joining("、"));
        String involvement = switch (kind) {
            case OFF_CAMPUS_REQUEST -> "要求教师" + teachers + "名离校：" + title;
            default -> null;
        };
        return new ScreeningInput(title, null, command.note(), null, null, null, demands, involvement,
                kind == RecordKind.OFF_CAMPUS_REQUEST ? Boolean.TRUE : null, null, null, null, null, null);
    }

    private String coverage(Organization school, Organization department, String title, LocalDate day) {
        if (department.kind() != OrganizationKind.DEPARTMENT && department.kind() != OrganizationKind.EDUCATION_COMMISSION) {
            return "NOT_LISTED";
        }
        return whitelists.check(school.code(), department.code(), title, day).result().reason().name();
    }

    private Organization department(Long id) {
        if (id == null) {
            throw new BusinessRuleViolation("monitoring.record.departmentRequired");
        }
        Organization found = organizations.find(id).filter(Organization::active)
                .orElseThrow(() -> new BusinessRuleViolation("monitoring.record.departmentRequired"));
        if (found.kind() == OrganizationKind.SCHOOL) {
            throw new BusinessRuleViolation("monitoring.record.departmentRequired");
        }
        return found;
    }

    private void notifyCommission(long district, Notice notice) {
        organizations.ofKind(OrganizationKind.EDUCATION_COMMISSION).stream()
                .filter(c -> c.active() && Objects.equals(c.parentId(), district))
                .forEach(c -> notifications.sendToRole(c.id(), Role.COMMISSION_REVIEWER, notice));
    }

    long districtOf(Organization school) {
        Long town = school.parentId();
        if (town == null) {
            return school.id();
        }
        return Objects.requireNonNullElse(organizations.get(town).parentId(), town);
    }

    private boolean mayRead(Actor actor, SentinelRecord record) {
        if (actor.has(Role.SCHOOL_SENTINEL) && record.schoolId() == actor.organizationId()) {
            return true;
        }
        return (actor.has(Role.COMMISSION_REVIEWER) || actor.has(Role.SUPERVISOR))
                && organizations.subtreeOf(quotas.jurisdictionOf(actor)).contains(record.jurisdictionId());
    }

    private static Actor requireSchool() {
        Actor actor = Actors.required();
        if (!actor.has(Role.SCHOOL_SENTINEL)) {
            throw new AccessDeniedException("school sentinels only");
        }
        return actor;
    }

    static Actor requireStaff() {
        Actor actor = Actors.required();
        if (!actor.has(Role.COMMISSION_REVIEWER) && !actor.has(Role.SUPERVISOR)) {
            throw new AccessDeniedException("commission and supervisors only");
        }
        return actor;
    }

}
