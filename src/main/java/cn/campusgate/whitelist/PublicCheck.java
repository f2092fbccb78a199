package cn.campusgate.whitelist;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.campusgate.approval.Quotas;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.organization.JurisdictionLevel;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.OrganizationKind;
import cn.campusgate.organization.Organizations;
import cn.campusgate.whitelist.WhitelistEvents.WhitelistEvent;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The public check, answered from memory: it is the endpoint anyone may call as often as they like, so the
 * organisations it resolves, the entries in force and the caps are read once and kept. A change to any list
 * on this node clears them when it commits; changes made on another node, to organisations or to caps, show
 * within a minute, the same minute the answer's {@code Cache-Control} allows clients to keep it.
 */
@Component
class PublicCheck {

    private static final Duration FRESH_FOR = Duration.ofMinutes(1);

    /** A school as the check needs it: itself, the jurisdictions above it, its district's school names. */
    private record SchoolContext(Organization school, Set<Long> jurisdictions, long capJurisdiction,
                                 Set<String> districtSchools) {
    }

    private record CapKey(long jurisdictionId, int year) {
    }

    private final WhitelistRepository repository;
    private final Organizations organizations;
    private final Quotas quotas;
    // Unknown names are remembered too, so that random names cannot each cost a query.
    private final Cache<String, Match> byCodeOrName = cache(10_000);
    private final Cache<Long, SchoolContext> schools = cache(10_000);
    private final Cache<Set<Long>, List<WhitelistEntry>> inForce = cache(1_000);
    private final Cache<CapKey, Integer> caps = cache(1_000);
    private final Cache<Set<Long>, List<Whitelists.Upcoming>> pending = cache(1_000);

    PublicCheck(WhitelistRepository repository, Organizations organizations, Quotas quotas) {
        this.repository = repository;
        this.organizations = organizations;
        this.quotas = quotas;
    }

    Whitelists.CheckAnswer check(String school, String department, String title, LocalDate day) {
        Organization s = resolve("school", school, Set.of(OrganizationKind.SCHOOL))
                .orElseThrow(() -> new BusinessRuleViolation("whitelist.check.unknownSchool", school));
        Organization d = resolve("department", department,
                Set.of(OrganizationKind.DEPARTMENT, OrganizationKind.EDUCATION_COMMISSION))
                .orElseThrow(() -> new BusinessRuleViolation("whitelist.check.unknownDepartment", department));
        SchoolContext context = schools.get(Objects.requireNonNull(s.id()), id -> contextOf(s));
        List<WhitelistEntry> entries = inForce.get(context.jurisdictions(), repository::inForce);
        int cap = caps.get(new CapKey(context.capJurisdiction(), day.getYear()),
                key -> quotas.caps(key.jurisdictionId(), key.year()).maxActivitiesPerSchoolSemester());
        Coverage.School seen = new Coverage.School(s.name(), s.schoolStage(), context.districtSchools());
        Coverage.Result result = Coverage.check(entries, seen, d.id(), title, day, cap);
        Whitelists.Upcoming upcoming = result.covered() ? null
                : upcoming(pending.get(context.jurisdictions(), repository::pending), seen, d.id(), title, day);
        return new Whitelists.CheckAnswer(result, s, d, cap, upcoming);
    }

    /**
     * The same activity on a list not yet in force, the one reaching the school on that day first: a parent
     * told only 未列入 would not know that it is under 公示 and may be allowed once the list is published.
     */
    static Whitelists.@Nullable Upcoming upcoming(List<Whitelists.Upcoming> pending, Coverage.School school,
                                                  long departmentId, String title, LocalDate day) {
        List<Whitelists.Upcoming> same = pending.stream()
                .filter(p -> p.entry().departmentId() == departmentId && Coverage.sameTitle(p.entry().title(), title))
                .toList();
        return same.stream()
                .sorted(Comparator.comparing((Whitelists.Upcoming p) -> !p.entry().inWindow(day))
                        .thenComparing(p -> !Coverage.reaches(p.entry(), school)))
                .findFirst().orElse(null);
    }

    /** Any list changed on this node: forget the entries in force once the change is committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(WhitelistEvent changed) {
        inForce.invalidateAll();
        pending.invalidateAll();
    }

    /**
     * By code, full name or short name; else the one organisation whose name ends with or contains what was
     * given (二郎镇中心小学 finds 合川区二郎镇中心小学), ignoring spaces; several such: the caller chooses.
     */
    private Optional<Organization> resolve(String field, String codeOrName, Set<OrganizationKind> kinds) {
        String needle = codeOrName.strip();
        Match match = byCodeOrName.get(kinds.stream().map(Enum::name).sorted().collect(Collectors.joining(","))
                + "|" + needle, key -> match(needle, kinds));
        if (match.candidates().size() > 1) {
            throw new AmbiguousName(field, needle, match.candidates(), match.total());
        }
        return match.found();
    }

    private Match match(String needle, Set<OrganizationKind> kinds) {
        Optional<Organization> byCode = organizations.findByCode(needle).filter(o -> kinds.contains(o.kind()));
        if (byCode.isPresent()) {
            return new Match(byCode, List.of(), 1);
        }
        List<Organization> every = kinds.stream().flatMap(k -> organizations.ofKind(k).stream()).toList();
        Optional<Organization> exact = every.stream()
                .filter(o -> o.name().equals(needle) || needle.equals(o.shortName())).findFirst();
        List<Organization> all = every.stream().filter(Organization::active).toList();
        if (exact.isPresent()) {
            return new Match(exact, List.of(), 1);
        }
        String part = compact(needle);
        if (part.length() < 2) {
            return new Match(Optional.empty(), List.of(), 0);
        }
        List<Organization> endingWith = all.stream().filter(o -> compact(o.name()).endsWith(part)).toList();
        List<Organization> fits = endingWith.isEmpty()
                ? all.stream().filter(o -> compact(o.name()).contains(part)
                        || (o.shortName() != null && compact(o.shortName()).contains(part))).toList()
                : endingWith;
        if (fits.size() == 1) {
            return new Match(Optional.of(fits.getFirst()), List.of(), 1);
        }
        return new Match(Optional.empty(), fits.stream().map(Organization::name).sorted().toList(), fits.size());
    }

    private static String compact(String name) {
        return name.replaceAll("[\\s\u3000]+", "");
    }

    /** What a name resolved to: one organisation, or the candidates when several fit. */
    private record Match(Optional<Organization> found, List<String> candidates, int total) {
    }

    private SchoolContext contextOf(Organization school) {
        Set<Long> visited = new HashSet<>();
        Set<Long> jurisdictions = new HashSet<>();
        Long district = null;
        for (Long up = school.parentId(); up != null && visited.add(up); ) {
            Organization above = organizations.get(up);
            if (above.kind() == OrganizationKind.JURISDICTION) {
                jurisdictions.add(up);
                if (above.jurisdictionLevel() == JurisdictionLevel.DISTRICT) {
                    district = up;
                }
            }
            up = above.parentId();
        }
        long capJurisdiction = district != null ? district : Objects.requireNonNullElse(school.parentId(), school.id());
        Set<Long> districtSubtree = organizations.subtreeOf(capJurisdiction);
        Set<String> districtSchools = organizations.ofKind(OrganizationKind.SCHOOL).stream()
                .filter(o -> districtSubtree.contains(o.id())).map(Organization::name).collect(Collectors.toSet());
        return new SchoolContext(school, Set.copyOf(jurisdictions), capJurisdiction, districtSchools);
    }

    private static <K, V> Cache<K, V> cache(long size) {
        return Caffeine.newBuilder().expireAfterWrite(FRESH_FOR).maximumSize(size).build();
    }
}
