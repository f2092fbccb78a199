package cn.campusgate.campaign;

import java.time.Instant;
import java.time.LocalDate;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One line of the rectification ledger (整改台账): who rectifies the problem (责任单位), how (整改措施), by when
 * (整改时限), where it stands, what was done and the evidence (佐证材料), and the task force's opinion.
 */
public record LedgerEntry(long id, long problemId, long campaignId, long ownerId, String ownerName, String measure,
                          LocalDate deadline, LedgerStatus status, @Nullable String progress,
                          @Nullable String evidence, @Nullable String opinion, @Nullable LocalDate verifiedOn,
                          String createdBy, Instant createdAt, Instant updatedAt, int version) {

    public boolean overdue(LocalDate today) {
        return status != LedgerStatus.VERIFIED && today.isAfter(deadline);
    }

    LedgerEntry moveTo(LedgerStatus next, @Nullable String progress, @Nullable String evidence,
                       @Nullable String opinion, LocalDate today, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("campaign.illegalTransition",
                    new DefaultMessageSourceResolvable("campaign.ledger.status." + status),
                    new DefaultMessageSourceResolvable("campaign.ledger.status." + next));
        }
        return new LedgerEntry(id, problemId, campaignId, ownerId, ownerName, measure, deadline, next,
                progress == null ? this.progress : progress, evidence == null ? this.evidence : evidence,
                opinion == null ? this.opinion : opinion, next == LedgerStatus.VERIFIED ? today : null, createdBy,
                createdAt, now, version);
    }
}
