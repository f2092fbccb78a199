package cn.campusgate.campaign;

import java.time.LocalDate;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** One step of the campaign with its due date and status; the status moves only along {@link MilestoneStatus}. */
public record Milestone(long id, long campaignId, MilestoneKind kind, @Nullable LocalDate dueOn,
                        MilestoneStatus status, @Nullable LocalDate completedOn, @Nullable String note, int version) {

    /** Past its due date and not completed. */
    public boolean overdue(LocalDate today) {
        return dueOn != null && status != MilestoneStatus.COMPLETED && today.isAfter(dueOn);
    }

    /** Completed after its due date. */
    public boolean completedLate() {
        return dueOn != null && completedOn != null && completedOn.isAfter(dueOn);
    }

    Milestone moveTo(MilestoneStatus next, LocalDate today, @Nullable String reason) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("campaign.illegalTransition",
                    new DefaultMessageSourceResolvable("campaign.milestone.status." + status),
                    new DefaultMessageSourceResolvable("campaign.milestone.status." + next));
        }
        if (status == MilestoneStatus.COMPLETED && (reason == null || reason.isBlank())) {
            throw new BusinessRuleViolation("campaign.reasonRequired");
        }
        return new Milestone(id, campaignId, kind, dueOn, next, next == MilestoneStatus.COMPLETED ? today : null,
                reason == null || reason.isBlank() ? note : reason.strip(), version);
    }

    Milestone reschedule(@Nullable LocalDate newDue) {
        if (status == MilestoneStatus.COMPLETED) {
            throw new BusinessRuleViolation("campaign.milestone.completedNoReschedule");
        }
        return new Milestone(id, campaignId, kind, newDue, status, completedOn, note, version);
    }
}
