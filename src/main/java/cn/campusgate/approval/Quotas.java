package cn.campusgate.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.organization.SchoolStage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Total-quantity control (从严控制总量). Caps per jurisdiction and year; without a configured row the
 * rules table's defaults apply. A district may tighten them, never loosen them. Items count once the
 * district leadership group approved them; exempt national items (部委联合部署) are counted separately.
 */
@Service
public class Quotas {

    /** Whitelist items per year, all levels together (MOE 教师厅〔2025〕2号, as reported; Shaanxi 2025). */
    public static final int DEFAULT_MAX_ITEMS = 10;
    /** Social-affair activities entering one school per semester (MOE 2025; Sichuan 2026). */
    public static final int DEFAULT_MAX_ACTIVITIES = 6;

    /** Appended after an {@code AND}; text blocks drop trailing spaces, hence the leading one. */
    private static final String COUNTED = " district_approved AND NOT exempt AND status NOT IN ('WITHDRAWN', 'REJECTED')";

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Quotas(JdbcClient jdbc, Organizations organizations, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    public record Caps(long jurisdictionId, int year, int maxItems, int maxActivitiesPerSchoolSemester,
                       boolean configured, int version) {
    }

    /** A leadership group's decision to exceed a cap, as reports show it. */
    public record Override(long itemId, String itemTitle, String departmentName, String reason, String by,
                           Instant at) {
    }

    public record Usage(Caps caps, String jurisdictionName, long counted, long exempt, long underway,
                        List<Override> overrides) {
        public boolean full() {
            return counted >= caps.maxItems();
        }
    }

    /** The caps an administrator sets: both at most the defaults. */
    public record QuotaCommand(long jurisdictionId, int year, int maxItems, int maxActivitiesPerSchoolSemester,
                               int expectedVersion) {
    }

    /** The jurisdiction whose quotas the actor sees: their own, or the one their organisation sits in. */
    @Transactional(readOnly = true)
    public long jurisdictionOf(Actor actor) {
        Organization own = organizations.get(actor.organizationId());
        return own.kind() == OrganizationKind.JURISDICTION || own.parentId() == null ? own.id() : own.parentId();
    }

    @Transactional(readOnly = true)
    public Caps caps(long jurisdictionId, int year) {
        return jdbc.sql("SELECT * FROM quota WHERE jurisdiction_id = :j AND year = :y")
                .param("j", jurisdictionId).param("y", year)
                .query((rs, n) -> new Caps(jurisdictionId, year, rs.getInt("max_items"),
                        rs.getInt("max_activities_per_school_semester"), true, rs.getInt("version")))
                .optional()
                .orElse(new Caps(jurisdictionId, year, DEFAULT_MAX_ITEMS, DEFAULT_MAX_ACTIVITIES, false, 0));
    }

    @Transactional
    public Caps configure(QuotaCommand command) {
        Actor actor = Actors.required();
        if (!actor.has(Role.ADMINISTRATOR)) {
            throw new AccessDeniedException("administrators only");
        }
        Organization jurisdiction = organizations.getManaged(command.jurisdictionId());
        if (jurisdiction.kind() != OrganizationKind.JURISDICTION) {
            throw new BusinessRuleViolation("quota.notJurisdiction");
        }
        if (command.year() < 2020 || command.year() > 2100) {
            throw new BusinessRuleViolation("quota.yearRange");
        }
        if (command.maxItems() < 1 || command.maxItems() > DEFAULT_MAX_ITEMS) {
            throw new BusinessRuleViolation("quota.itemsRange", DEFAULT_MAX_ITEMS);
        }
        if (command.maxActivitiesPerSchoolSemester() < 1 || command.maxActivitiesPerSchoolSemester() > DEFAULT_MAX_ACTIVITIES) {
            throw new BusinessRuleViolation("quota.activitiesRange", DEFAULT_MAX_ACTIVITIES);
        }
        Caps current = caps(command.jurisdictionId(), command.year());
        if (current.version() != command.expectedVersion()) {
            throw new BusinessRuleViolation("error.stale");
        }
        int changed = jdbc.sql("""
                INSERT INTO quota (jurisdiction_id, year, max_items, max_activities_per_school_semester, updated_by,
                                   updated_at, version)
                VALUES (:j, :y, :items, :activities, :by, :at, 1)
                ON CONFLICT (jurisdiction_id, year) DO UPDATE SET max_items = :items,
                    max_activities_per_school_semester = :activities, updated_by = :by, updated_at = :at,
                    version = quota.version + 1
                WHERE quota.version = :version""")
                .param("j", command.jurisdictionId()).param("y", command.year()).param("items", command.maxItems())
                .param("activities", command.maxActivitiesPerSchoolSemester()).param("by", actor.username())
                .param("at", Timestamp.from(clock.instant())).param("version", command.expectedVersion())
                .update();
        if (changed == 0) {
            throw new BusinessRuleViolation("error.stale");
        }
        events.publishEvent(new ApprovalEvents.QuotaConfigured(actor.username(), command.jurisdictionId(),
                command.year(), command.maxItems(), command.maxActivitiesPerSchoolSemester()));
        return caps(command.jurisdictionId(), command.year());
    }

    /** Serialises decisions that count against one jurisdiction's year, so two approvals cannot both take the last place. */
    void lock(long jurisdictionId, int year) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", (jurisdictionId << 16) ^ year)
                .query((rs, n) -> 1).list();
    }

    @Transactional(readOnly = true)
    public Usage usage(long jurisdictionId, int year) {
        Set<Long> jurisdictions = jurisdictionsUnder(jurisdictionId);
        Map<String, Object> params = Map.of("js", jurisdictions, "y", year);
        long counted = jdbc.sql("SELECT count(*) FROM approval WHERE jurisdiction_id IN (:js) AND year = :y AND " + COUNTED)
                .params(params).query(Long.class).single();
        long exempt = jdbc.sql("""
                SELECT count(*) FROM approval WHERE jurisdiction_id IN (:js) AND year = :y AND exempt
                AND status NOT IN ('WITHDRAWN', 'REJECTED')""").params(params).query(Long.class).single();
        long underway = jdbc.sql("""
                SELECT count(*) FROM approval WHERE jurisdiction_id IN (:js) AND year = :y AND NOT district_approved
                AND status IN ('IN_PROGRESS', 'AWAITING_CORRECTION')""").params(params).query(Long.class).single();
        // Only approvals of this jurisdiction itself: a district's override broke the district's cap, and shown
        // under the city's quota it read as if the city's cap had been broken.
        List<Override> overrides = jdbc.sql("""
                SELECT a.item_id, a.item_title, a.department_name, t.quota_override, t.acted_by_name, t.acted_at
                FROM approval_task t JOIN approval a ON a.id = t.approval_id
                WHERE a.jurisdiction_id = :j AND a.year = :y AND t.quota_override IS NOT NULL
                ORDER BY t.acted_at""").param("j", jurisdictionId).param("y", year)
                .query((rs, n) -> new Override(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
        return new Usage(caps(jurisdictionId, year), organizations.get(jurisdictionId).name(), counted, exempt,
                underway, overrides);
    }

    /**
     * What approving this chain's item would exceed, as messages with the figures: the year's item cap of
     * its jurisdiction (and of a jurisdiction above it that configured one), and the semester cap of any
     * school in its scope. Exempt national items exceed nothing.
     */
    @Transactional(readOnly = true)
    public List<MessageSourceResolvable> exceededBy(Approval approval) {
        if (approval.exempt()) {
            return List.of();
        }
        List<MessageSourceResolvable> exceeded = new ArrayList<>();
        Organization jurisdiction = organizations.get(approval.jurisdictionId());
        itemCapExceeded(approval, jurisdiction, true, exceeded);
        if (jurisdiction.parentId() != null) {
            itemCapExceeded(approval, organizations.get(jurisdiction.parentId()), false, exceeded);
        }
        schoolCapExceeded(approval, exceeded);
        return exceeded;
    }

    private void itemCapExceeded(Approval approval, Organization jurisdiction, boolean own,
                                 List<MessageSourceResolvable> exceeded) {
        Caps caps = caps(jurisdiction.id(), approval.year());
        if (!own && !caps.configured()) {
            return;
        }
        long counted = jdbc.sql("""
                SELECT count(*) FROM approval WHERE jurisdiction_id IN (:js) AND year = :y AND item_id <> :item
                AND \s""" + COUNTED)
                .param("js", jurisdictionsUnder(jurisdiction.id())).param("y", approval.year())
                .param("item", approval.itemId()).query(Long.class).single();
        if (counted + 1 > caps.maxItems()) {
            exceeded.add(resolvable("quota.exceeded.items", jurisdiction.name(), approval.year(), counted,
                    caps.maxItems()));
        }
    }

    private void schoolCapExceeded(Approval approval, List<MessageSourceResolvable> exceeded) {
        ItemScope scope = approval.scope();
        List<ItemScope> others = jdbc.sql("""
                SELECT starts_on, ends_on, stages, target_schools FROM approval
                WHERE jurisdiction_id = :j AND item_id <> :item AND starts_on <= :to AND ends_on >= :from AND \s"""
                + COUNTED)
                .param("j", approval.jurisdictionId()).param("item", approval.itemId())
                .param("from", java.sql.Date.valueOf(Semester.of(scope.startsOn()).start()))
                .param("to", java.sql.Date.valueOf(Semester.of(scope.endsOn()).end()))
                .query((rs, n) -> new ItemScope(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(),
                        Arrays.stream((String[]) rs.getArray(3).getArray()).map(SchoolStage::valueOf)
                                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SchoolStage.class))),
                        rs.getString(4)))
                .list();
        int cap = caps(approval.jurisdictionId(), approval.year()).maxActivitiesPerSchoolSemester();
        List<Organization> schools = schoolsOf(approval.jurisdictionId());
        for (Semester semester : Semester.touchedBy(scope.startsOn(), scope.endsOn())) {
            List<ItemScope> inSemester = others.stream()
                    .filter(o -> semester.overlaps(o.startsOn(), o.endsOn())).toList();
            Map<Organization, Long> full = new HashMap<>();
            for (Organization school : reached(scope, schools)) {
                long already = inSemester.stream().filter(o -> reached(o, List.of(school)).size() == 1).count();
                if (already + 1 > cap) {
                    full.put(school, already);
                }
            }
            if (!full.isEmpty()) {
                Organization first = full.keySet().stream().min(java.util.Comparator.comparing(Organization::id))
                        .orElseThrow();
                exceeded.add(resolvable("quota.exceeded.school", first.name(), full.size(),
                        new DefaultMessageSourceResolvable(new String[]{semester.messageKey()},
                                new Object[]{semester.year()}),
                        full.get(first), cap));
            }
        }
    }

    /** Schools an item reaches: those it names, or else those of its stages. */
    static List<Organization> reached(ItemScope scope, List<Organization> schools) {
        String named = scope.targetSchools();
        if (named != null && !named.isBlank()) {
            Set<String> names = Set.of(named.split("[、,，;；\\s]+"));
            List<Organization> listed = schools.stream().filter(s -> names.contains(s.name())).toList();
            if (!listed.isEmpty()) {
                return listed;
            }
        }
        return schools.stream().filter(s -> s.schoolStage() != null && covers(scope.stages(), s.schoolStage())).toList();
    }

    /** A nine- or twelve-year school has the sections of the stages it spans. */
    static boolean covers(Set<SchoolStage> targets, SchoolStage school) {
        return switch (school) {
            case NINE_YEAR -> targets.contains(SchoolStage.NINE_YEAR) || targets.contains(SchoolStage.PRIMARY)
                    || targets.contains(SchoolStage.JUNIOR_SECONDARY);
            case TWELVE_YEAR -> targets.contains(SchoolStage.TWELVE_YEAR) || targets.contains(SchoolStage.PRIMARY)
                    || targets.contains(SchoolStage.JUNIOR_SECONDARY) || targets.contains(SchoolStage.SENIOR_SECONDARY);
            default -> targets.contains(school);
        };
    }

    private List<Organization> schoolsOf(long jurisdictionId) {
        Set<Long> subtree = organizations.subtreeOf(jurisdictionId);
        return organizations.ofKind(OrganizationKind.SCHOOL).stream()
                .filter(s -> s.active() && subtree.contains(s.id())).toList();
    }

    private Set<Long> jurisdictionsUnder(long jurisdictionId) {
        Set<Long> subtree = organizations.subtreeOf(jurisdictionId);
        return organizations.ofKind(OrganizationKind.JURISDICTION).stream().map(Organization::id)
                .filter(subtree::contains).collect(Collectors.toSet());
    }

    private static MessageSourceResolvable resolvable(String key, @Nullable Object... args) {
        return new DefaultMessageSourceResolvable(new String[]{key}, args);
    }
}
