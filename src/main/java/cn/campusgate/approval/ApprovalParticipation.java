package cn.campusgate.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.Role;
import cn.campusgate.item.Item;
import cn.campusgate.item.ItemParticipation;
import cn.campusgate.organization.Account;
import cn.campusgate.organization.Organization;
import cn.campusgate.organization.Organizations;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The chain's part in the item: who takes part may read the item, the chain decides when the department
 * may withdraw, and the item page shows the chain's progress, trace and the actor's actions.
 */
@Component
class ApprovalParticipation implements ItemParticipation {

    private final ApprovalRepository repository;
    private final Organizations organizations;
    private final Approvals approvals;
    private final MessageSource messages;
    private final Clock clock;

    ApprovalParticipation(ApprovalRepository repository, Organizations organizations, @Lazy Approvals approvals,
                          MessageSource messages, Clock clock) {
        this.messages = messages;
        this.repository = repository;
        this.organizations = organizations;
        this.approvals = approvals;
        this.clock = clock;
    }

    @Override
    public boolean grantsRead(Actor actor, Item item) {
        if (repository.takesPart(item.id(), actor.organizationId(), actor.roles())) {
            return true;
        }
        // Supervision follows every chain of its district.
        return actor.has(Role.SUPERVISOR) && repository.latestForItem(item.id())
                .map(a -> organizations.scopeOf(actor).contains(a.jurisdictionId())).orElse(false);
    }

    @Override
    public void checkWithdrawal(Item item) {
        repository.lockOpenForItem(item.id()).flatMap(Approval::withdrawalProblem).ifPresent(key -> {
            throw new BusinessRuleViolation(key);
        });
    }

    @Override
    public List<ItemPanel> panels(Item item, Actor actor) {
        Optional<Approval> latest = repository.latestForItem(item.id());
        if (latest.isEmpty()) {
            return List.of();
        }
        Approval approval = latest.get();
        LocalDate today = LocalDate.now(clock);
        List<ApprovalTask> mine = approval.openTasks().filter(t -> t.actionableBy(actor)).toList();
        Optional<String> fourEyes = mine.isEmpty() ? Optional.empty() : approval.fourEyesProblem(actor);
        boolean quotaMatters = mine.stream().anyMatch(t -> t.stepKind() == StepKind.DISTRICT_APPROVAL
                || t.stepKind() == StepKind.PRELIMINARY_REVIEW);
        List<String> warnings = quotaMatters ? approvals.quotaWarnings(approval).stream()
                .map(w -> messages.getMessage(w, LocaleContextHolder.getLocale())).toList() : List.of();
        List<Account> colleagues = mine.isEmpty() ? List.of() : approvals.colleaguesFor(mine.getFirst());
        List<Organization> copyTargets = mine.isEmpty() ? List.of() : approvals.copyTargets(approval);
        boolean mayRemind = approval.status() == ApprovalStatus.IN_PROGRESS && approvals.mayRemind(actor)
                && approval.openTasks().noneMatch(t -> t.organizationId() == actor.organizationId())
                && organizations.scopeOf(actor).contains(approval.jurisdictionId());
        ApprovalPanel panel = new ApprovalPanel(approval, ApprovalPanel.steps(approval, today),
                repository.trace(approval.id()), mine, fourEyes.orElse(null), warnings, colleagues, copyTargets,
                mayRemind, mine.isEmpty() ? null
                        : approvals.decidedElsewhere(mine.getFirst().stepKind(), item.id()).orElse(null));
        return List.of(new ItemPanel("approval/item-panel", "panel", panel));
    }
}
