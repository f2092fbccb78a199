package cn.campusgate.campaign;

import java.time.Instant;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.screening.RuleFamily;
import cn.campusgate.screening.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One problem of the problem list (问题清单): a screening finding on a surveyed affair, with the policy clause it
 * breaks. The task force may mark it a typical case (典型案例) for the summary report, with a note.
 */
public record Problem(long id, long campaignId, long affairId, String ruleId, RuleFamily family, Severity severity,
                      String clause, String explanation, @Nullable String evidence, ProblemStatus status,
                      @Nullable String dismissal, boolean typical, @Nullable String caseNote, Instant createdAt,
                      int version) {

    Problem moveTo(ProblemStatus next) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("campaign.illegalTransition",
                    new DefaultMessageSourceResolvable("campaign.problem.status." + status),
                    new DefaultMessageSourceResolvable("campaign.problem.status." + next));
        }
        return new Problem(id, campaignId, affairId, ruleId, family, severity, clause, explanation, evidence, next,
                dismissal, typical, caseNote, createdAt, version);
    }

    Problem dismissed(String reason) {
        Problem moved = moveTo(ProblemStatus.DISMISSED);
        return new Problem(id, campaignId, affairId, ruleId, family, severity, clause, explanation, evidence,
                moved.status(), reason, false, null, createdAt, version);
    }

    Problem typical(boolean chosen, @Nullable String note) {
        if (chosen && status == ProblemStatus.DISMISSED) {
            throw new BusinessRuleViolation("campaign.problem.dismissedNotTypical");
        }
        return new Problem(id, campaignId, affairId, ruleId, family, severity, clause, explanation, evidence, status,
                dismissal, chosen, chosen ? note : null, createdAt, version);
    }
}
