package cn.campusgate.committee;

import java.util.Optional;

import cn.campusgate.approval.Decision;
import cn.campusgate.approval.StepDecisionGuard;
import cn.campusgate.approval.StepKind;
import cn.campusgate.core.BusinessRuleViolation;
import org.springframework.stereotype.Component;

/**
 * The expert-opinion step is decided only by signing the committee opinion: a decision on it passes only
 * inside the signing, when the item's panel has just signed an opinion recommending exactly that decision.
 */
@Component
class CommitteeGuard implements StepDecisionGuard {

    private final PanelRepository repository;

    CommitteeGuard(PanelRepository repository) {
        this.repository = repository;
    }

    @Override
    public void check(StepKind step, long itemId, Decision decision) {
        if (step != StepKind.EXPERT_OPINION) {
            return;
        }
        boolean signed = repository.latestForItem(itemId).filter(p -> p.status() == PanelStatus.SIGNED)
                .flatMap(Panel::currentOpinion).filter(CommitteeOpinion::signed)
                .filter(o -> o.recommendation().decision() == decision).isPresent();
        if (!signed) {
            throw new BusinessRuleViolation("committee.stepNeedsSignedOpinion");
        }
    }

    @Override
    public Optional<String> decidedAt(StepKind step, long itemId) {
        return step == StepKind.EXPERT_OPINION ? Optional.of("/committee/items/" + itemId) : Optional.empty();
    }
}
