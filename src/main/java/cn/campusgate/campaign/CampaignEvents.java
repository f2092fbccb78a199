package cn.campusgate.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.campusgate.core.AuditedEvent;
import cn.campusgate.screening.RuleFamily;
import org.jspecify.annotations.Nullable;

/** Past-tense events of the campaign; each is audited, and the insight module follows them. */
public final class CampaignEvents {

    private CampaignEvents() {
    }

    public record CampaignOpened(String actor, long campaignId, long jurisdictionId, int year, String title)
            implements AuditedEvent {
        public String action() { return "campaign.opened"; }
        public String subject() { return "campaign:" + campaignId; }
        public Map<String, Object> details() { return Map.of("year", year, "title", title); }
    }

    public record MilestoneMoved(String actor, long campaignId, long milestoneId, MilestoneKind kind,
                                 MilestoneStatus from, MilestoneStatus to, String note) implements AuditedEvent {
        public String action() {
            return switch (to) {
                case IN_PROGRESS -> from == MilestoneStatus.COMPLETED ? "campaign.milestone-reopened" : "campaign.milestone-started";
                case COMPLETED -> "campaign.milestone-completed";
                case PLANNED -> "campaign.milestone-moved";
            };
        }
        public String subject() { return "campaign:" + campaignId; }
        public Map<String, Object> details() { return Map.of("milestone", kind, "from", from, "to", to, "note", note); }
    }

    public record MilestoneRescheduled(String actor, long campaignId, long milestoneId, MilestoneKind kind,
                                       String dueOn) implements AuditedEvent {
        public String action() { return "campaign.milestone-rescheduled"; }
        public String subject() { return "campaign:" + campaignId; }
        public Map<String, Object> details() { return Map.of("milestone", kind, "dueOn", dueOn); }
    }

    /** One surveyed affair as insight keeps it (no person is named). */
    public record SurveyedAffair(long affairId, String title, @Nullable Long departmentId, String departmentName,
                                 @Nullable Long schoolId, AffairKind kind, LocalDate occurredOn,
                                 @Nullable BigDecimal classHours, boolean approved, List<RuleFamily> findings) {
        public SurveyedAffair {
            findings = List.copyOf(findings);
        }
    }

    /** Affairs entered by form (one) or by an import (many, {@code importId} set): one audit entry per batch. */
    public record AffairsSurveyed(String actor, long campaignId, long jurisdictionId, long reporterId,
                                  @Nullable Long importId, List<SurveyedAffair> affairs, int problems)
            implements AuditedEvent {
        public AffairsSurveyed {
            affairs = List.copyOf(affairs);
        }
        public String action() { return "campaign.affairs-surveyed"; }
        public String subject() { return "campaign:" + campaignId; }
        public Map<String, Object> details() {
            return Map.of("reporter", reporterId, "affairs", affairs.size(), "problems", problems,
                    "import", importId == null ? "-" : importId);
        }
    }

    public record ProblemDismissed(String actor, long campaignId, long problemId, String reason)
            implements AuditedEvent {
        public String action() { return "campaign.problem-dismissed"; }
        public String subject() { return "campaign-problem:" + problemId; }
        public Map<String, Object> details() { return Map.of("reason", reason); }
    }

    public record TypicalCaseChosen(String actor, long campaignId, long problemId, boolean typical)
            implements AuditedEvent {
        public String action() { return "campaign.typical-case-chosen"; }
        public String subject() { return "campaign-problem:" + problemId; }
        public Map<String, Object> details() { return Map.of("typical", typical); }
    }

    /** The problem entered the ledger: owner, measure and deadline assigned (交办). */
    public record RectificationAssigned(String actor, long campaignId, long problemId, long entryId, long ownerId,
                                        LocalDate deadline) implements AuditedEvent {
        public String action() { return "campaign.rectification-assigned"; }
        public String subject() { return "rectification:" + entryId; }
        public Map<String, Object> details() { return Map.of("problem", problemId, "owner", ownerId, "deadline", deadline); }
    }

    public record RectificationMoved(String actor, long campaignId, long problemId, long entryId, long ownerId,
                                     LedgerStatus from, LedgerStatus to, LocalDate deadline, LocalDate on)
            implements AuditedEvent {
        public String action() {
            return switch (to) {
                case IN_PROGRESS -> from == LedgerStatus.SUBMITTED ? "campaign.rectification-returned" : "campaign.rectification-started";
                case SUBMITTED -> "campaign.rectification-submitted";
                case VERIFIED -> "campaign.rectification-verified";
                case ASSIGNED -> "campaign.rectification-moved";
            };
        }
        public String subject() { return "rectification:" + entryId; }
        public Map<String, Object> details() { return Map.of("problem", problemId, "from", from, "to", to); }
    }

    public record ReportTextsSaved(String actor, long campaignId) implements AuditedEvent {
        public String action() { return "campaign.report-texts-saved"; }
        public String subject() { return "campaign:" + campaignId; }
    }

    public record SummaryReportIssued(String actor, long campaignId, String format) implements AuditedEvent {
        public String action() { return "campaign.summary-report-issued"; }
        public String subject() { return "campaign:" + campaignId; }
        public Map<String, Object> details() { return Map.of("format", format); }
    }
}
