package cn.campusgate.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.campusgate.approval.Quotas;
import cn.campusgate.core.Actor;
import cn.campusgate.core.Actors;
import cn.campusgate.core.NotFound;
import cn.campusgate.core.Role;
import cn.campusgate.insight.Dashboard.Cluster;
import cn.campusgate.insight.Dashboard.Load;
import cn.campusgate.insight.Dashboard.Month;
import cn.campusgate.insight.Dashboard.Ranked;
import cn.campusgate.insight.Dashboard.Total;
import cn.campusgate.insight.InsightRepository.GroupCount;
import cn.campusgate.insight.InsightRepository.Place;
import cn.campusgate.organization.JurisdictionLevel;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.screening.ThemeSimilarity;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards, read from insight's own model. The commission, the leadership groups and supervisors see their
 * district and may narrow to any of its towns, departments and schools; a town, a department or a school sees its own.
 */
@Service
public class Dashboards {

    /** Most distinct themes compared for clusters. */
    static final int MAX_THEMES = 600;

    private final InsightRepository repository;
    private final Facts facts;
    private final Organizations organizations;
    private final Quotas quotas;
    private final ThemeSimilarity similarity;
    private final Clock clock;

    Dashboards(InsightRepository repository, Facts facts, Organizations organizations, Quotas quotas,
               ThemeSimilarity similarity, Clock clock) {
        this.repository = repository;
        this.facts = facts;
        this.organizations = organizations;
        this.quotas = quotas;
        this.similarity = similarity;
        this.clock = clock;
    }

    /** The scope the actor starts on. */
    @Transactional
    public Scope home() {
        Actor actor = Actors.required();
        Organization own = organizations.get(actor.organizationId());
        if (overseer(actor)) {
            long district = districtOf(own);
            return new Scope(Scope.Level.DISTRICT, district, organizations.get(district).name());
        }
        return switch (own.kind()) {
            case SCHOOL -> new Scope(Scope.Level.SCHOOL, own.id(), own.name());
            case DEPARTMENT, EDUCATION_COMMISSION -> new Scope(Scope.Level.DEPARTMENT, own.id(), own.name());
            case JURISDICTION -> new Scope(own.isJurisdictionOf(JurisdictionLevel.TOWN) ? Scope.Level.TOWN : Scope.Level.DISTRICT,
                    own.id(), own.name());
            default -> throw new AccessDeniedException("no dashboard for " + own.kind());
        };
    }

    /** A scope the actor may read; anything else is not found. */
    @Transactional
    public Scope scope(Scope.@Nullable Level level, @Nullable Long id) {
        Scope home = home();
        if (level == null || id == null || (level == home.level() && id == home.id())) {
            return home;
        }
        Actor actor = Actors.required();
        if (!overseer(actor) || home.level() != Scope.Level.DISTRICT) {
            throw new NotFound("insightScope", id);
        }
        Organization o = organizations.find(id).orElseThrow(() -> new NotFound("insightScope", id));
        boolean fits = switch (level) {
            case DISTRICT -> o.id() == home.id();
            case TOWN -> o.isJurisdictionOf(JurisdictionLevel.TOWN);
            case DEPARTMENT -> o.kind() == OrganizationKind.DEPARTMENT || o.kind() == OrganizationKind.EDUCATION_COMMISSION;
            case SCHOOL -> o.kind() == OrganizationKind.SCHOOL;
        };
        if (!fits || districtOf(o) != home.id()) {
            throw new NotFound("insightScope", id);
        }
        return new Scope(level, o.id(), o.name());
    }

    /** What an overseer may narrow the district's dashboard to. */
    public record Choices(List<Organization> towns, List<Organization> departments, List<Organization> schools) {
    }

    @Transactional(readOnly = true)
    public Choices choices() {
        Actor actor = Actors.required();
        if (!overseer(actor)) {
            return new Choices(List.of(), List.of(), List.of());
        }
        long district = districtOf(organizations.get(actor.organizationId()));
        Set<Long> under = organizations.subtreeOf(district);
        return new Choices(organizations.towns().stream().filter(o -> under.contains(o.id())).toList(),
                organizations.ofKind(OrganizationKind.DEPARTMENT).stream().filter(o -> under.contains(o.id()) && o.active()).toList(),
                organizations.ofKind(OrganizationKind.SCHOOL).stream().filter(o -> under.contains(o.id()) && o.active()).toList());
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(Scope scope, int year) {
        return build(scope, year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The dashboard without the actor's scope check: for the benchmark and the national generator only. */
    Dashboard build(Scope scope, int year, LocalDate from, LocalDate to) {
        String column = scope.level().column();
        Map<FactKind, Total> totals = new EnumMap<>(FactKind.class);
        repository.totals(column, scope.id(), from, to)
                .forEach(t -> totals.put(t.kind(), new Total(t.facts(), t.hours(), t.averageDays())));

        Long districtId = scope.level() == Scope.Level.DISTRICT ? Long.valueOf(scope.id()) : null;
        Integer itemCap = null;
        int semesterCap = Quotas.DEFAULT_MAX_ACTIVITIES;
        long itemsCounted = 0;
        if (districtId != null && organizations.find(districtId).isPresent()) {
            Quotas.Caps caps = quotas.caps(districtId, year);
            itemCap = caps.maxItems();
            semesterCap = caps.maxActivitiesPerSchoolSemester();
        } else if (districtId != null) {
            itemCap = Quotas.DEFAULT_MAX_ITEMS;
        }
        itemsCounted = totals.getOrDefault(FactKind.ITEM_APPROVED, Total.NONE).facts();

        List<Long> perSchool = repository.activitiesPerSchoolSemester(column, scope.id(), from, to);
        int cap = semesterCap;
        Map<String, Long> spread = new LinkedHashMap<>();
        for (String bucket : List.of("1-2", "3-4", "5-" + cap, ">" + cap)) {
            spread.put(bucket, 0L);
        }
        for (long n : perSchool) {
            String bucket = n <= 2 ? "1-2" : n <= 4 ? "3-4" : n <= cap ? "5-" + cap : ">" + cap;
            spread.merge(bucket, 1L, Long::sum);
        }
        Load load = new Load(perSchool.size(), perSchool.stream().mapToLong(Long::longValue).max().orElse(0),
                perSchool.stream().mapToLong(Long::longValue).average().orElse(0),
                perSchool.stream().filter(n -> n > cap).count(), spread);

        Map<LocalDate, Map<FactKind, Long>> byMonth = new LinkedHashMap<>();
        for (LocalDate m = from.withDayOfMonth(1); !m.isAfter(to); m = m.plusMonths(1)) {
            byMonth.put(m, new EnumMap<>(FactKind.class));
        }
        repository.monthly(column, scope.id(), from, to)
                .forEach(m -> byMonth.computeIfAbsent(m.month(), k -> new EnumMap<>(FactKind.class)).put(m.kind(), m.facts()));
        List<Month> months = byMonth.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue())).toList();

        List<Ranked> departments = ranked(repository.byGroup(column, scope.id(), "department_id", Dashboard.RANKED_KINDS, from, to));
        List<Ranked> towns = scope.level() == Scope.Level.DISTRICT
                ? ranked(repository.byGroup(column, scope.id(), "town_id", Dashboard.RANKED_KINDS, from, to)) : List.of();
        return new Dashboard(scope, year, from, to, totals, itemCap, semesterCap, itemsCounted, load, months, departments,
                towns, clusters(column, scope.id(), from, to));
    }

    private List<Ranked> ranked(List<GroupCount> counts) {
        Map<Long, Map<FactKind, Long>> byGroup = new HashMap<>();
        counts.forEach(c -> byGroup.computeIfAbsent(c.groupId(), k -> new EnumMap<>(FactKind.class)).put(c.kind(), c.facts()));
        Map<Long, String> names = repository.names(byGroup.keySet());
        return byGroup.entrySet().stream()
                .map(e -> new Ranked(e.getKey(), names.getOrDefault(e.getKey(), String.valueOf(e.getKey())), e.getValue()))
                .sorted(Comparator.comparingLong((Ranked r) -> -r.count(FactKind.VIOLATION))
                        .thenComparingLong(r -> -r.count(FactKind.CAMPAIGN_PROBLEM))
                        .thenComparingLong(r -> -r.count(FactKind.SANCTION))
                        .thenComparing(Ranked::name))
                .toList();
    }

    /** Greedy clustering of the scope's themes by the screening module's similarity; only clusters of several departments. */
    private List<Cluster> clusters(String column, long scopeId, LocalDate from, LocalDate to) {
        List<InsightRepository.Theme> themes = repository.themes(column, scopeId, from, to, MAX_THEMES);
        // Each distinct text is compared once; the departments follow their text.
        Map<String, Set<Long>> byText = new LinkedHashMap<>();
        themes.forEach(t -> byText.computeIfAbsent(t.theme(), k -> new LinkedHashSet<>()).add(t.departmentId()));
        List<String> heads = new ArrayList<>();
        List<Set<String>> members = new ArrayList<>();
        List<Set<Long>> departments = new ArrayList<>();
        for (Map.Entry<String, Set<Long>> text : byText.entrySet()) {
            int at = -1;
            for (int i = 0; i < heads.size() && at < 0; i++) {
                if (similarity.similar(heads.get(i), text.getKey())) {
                    at = i;
                }
            }
            if (at < 0) {
                heads.add(text.getKey());
                members.add(new LinkedHashSet<>());
                departments.add(new LinkedHashSet<>());
                at = heads.size() - 1;
            }
            members.get(at).add(text.getKey());
            departments.get(at).addAll(text.getValue());
        }
        Set<Long> all = new HashSet<>();
        departments.forEach(all::addAll);
        Map<Long, String> names = repository.names(all);
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            if (departments.get(i).size() > 1) {
                clusters.add(new Cluster(heads.get(i), List.copyOf(members.get(i)),
                        departments.get(i).stream().map(d -> names.getOrDefault(d, String.valueOf(d))).sorted().toList()));
            }
        }
        clusters.sort(Comparator.comparingInt((Cluster c) -> -c.departments().size()).thenComparing(Cluster::theme));
        return clusters.size() > 20 ? clusters.subList(0, 20) : clusters;
    }

    /** The national roll-up per province and kind (for the benchmark and a national view). */
    @Transactional(readOnly = true)
    public List<InsightRepository.ProvinceTotal> national(int year) {
        return repository.national(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * The year a dashboard opens on: this year when it has data in the scope, else the latest year before it that
     * has (a district starting in December would otherwise open on an empty January), else the next year when only
     * it has data (items approved ahead for next year's list), else this year.
     */
    @Transactional(readOnly = true)
    public int defaultYear(Scope scope) {
        int current = today().getYear();
        List<Integer> years = repository.yearsWithFacts(scope.level().column(), scope.id());
        return defaultYear(current, years);
    }

    static int defaultYear(int current, List<Integer> yearsWithData) {
        if (yearsWithData.contains(current)) {
            return current;
        }
        return yearsWithData.stream().filter(y -> y < current).max(Integer::compare)
                .or(() -> yearsWithData.stream().filter(y -> y == current + 1).findFirst())
                .orElse(current);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private long districtOf(Organization o) {
        Place place = facts.unit(o.id());
        if (place != null && place.districtId() != null) {
            return place.districtId();
        }
        return o.id();
    }

    static boolean overseer(Actor actor) {
        return actor.has(Role.COMMISSION_REVIEWER) || actor.has(Role.DISTRICT_APPROVER) || actor.has(Role.SUPERVISOR);
    }
}
