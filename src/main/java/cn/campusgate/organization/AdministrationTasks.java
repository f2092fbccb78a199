package cn.campusgate.organization;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.campusgate.core.Actor;
import cn.campusgate.core.HomeTask;
import cn.campusgate.core.HomeTaskContributor;
import cn.campusgate.core.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for an administrator: locked accounts to look into, and monitoring schools that still have
 * no sentinel account, so nothing can be recorded there.
 */
@Component
class AdministrationTasks implements HomeTaskContributor {

    private final Organizations organizations;
    private final AccountRepository accounts;
    private final OrganizationRepository repository;
    private final Clock clock;

    AdministrationTasks(Organizations organizations, AccountRepository accounts, OrganizationRepository repository,
                        Clock clock) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HomeTask> tasksFor(Actor actor) {
        if (!actor.has(Role.ADMINISTRATOR)) {
            return List.of();
        }
        Set<Long> scope = organizations.scopeOf(actor);
        List<Account> all = accounts.findAll().stream().filter(a -> scope.contains(a.organizationId())).toList();
        long locked = all.stream().filter(a -> a.active() && a.isLocked(clock.instant())).count();
        Set<Long> schoolsWithSentinel = new java.util.HashSet<>();
        all.stream().filter(a -> a.active() && a.roles().contains(Role.SCHOOL_SENTINEL))
                .forEach(a -> schoolsWithSentinel.add(a.organizationId()));
        long monitoringWithoutSentinel = repository.findByKindOrderByNameAsc(OrganizationKind.SCHOOL).stream()
                .filter(s -> s.active() && s.monitoringSchool() && scope.contains(s.id())
                        && !schoolsWithSentinel.contains(s.id()))
                .count();
        List<HomeTask> tasks = new ArrayList<>();
        tasks.add(new HomeTask("task.lockedAccounts", List.of(locked), "/admin/accounts", locked));
        tasks.add(new HomeTask("task.sentinelAccountsMissing", List.of(monitoringWithoutSentinel),
                "/admin/organizations?kind=SCHOOL", monitoringWithoutSentinel));
        return tasks;
    }
}
