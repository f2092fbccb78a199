package cn.campusgate.approval;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.campusgate.core.AuditedEvent;
import cn.campusgate.core.Role;
import cn.campusgate.item.ItemRoute;

/** Past-tense events of the approval chain; each is audited, and other modules react to them. */
public final class ApprovalEvents {

    private ApprovalEvents() {
    }

    public record ApprovalStarted(String actor, long approvalId, long itemId, ItemRoute route, int procedureRevision)
            implements AuditedEvent {
        public String action() { return "approval.started"; }
        public String subject() { return "approval:" + approvalId; }
        public Map<String, Object> details() {
            return Map.of("item", itemId, "route", route, "procedureRevision", procedureRevision);
        }
    }

    /** A step waits for an organisation (or, countersigning, for named people) until {@code dueOn}. */
    public record StepOpened(String actor, long approvalId, long itemId, String itemTitle, StepKind step,
                             long organizationId, Role role, List<Long> assignees, LocalDate dueOn)
            implements AuditedEvent {
        public String action() { return "approval.step-opened"; }
        public String subject() { return "approval:" + approvalId; }
        public Map<String, Object> details() {
            return Map.of("step", step, "organization", organizationId, "dueOn", dueOn);
        }
    }

    public record StepDecided(String actor, long approvalId, long itemId, String itemTitle, long departmentId,
                              StepKind step, Decision decision, String text) implements AuditedEvent {
        public String action() { return "approval.step-decided"; }
        public String subject() { return "approval:" + approvalId; }
        public Map<String, Object> details() { return Map.of("step", step, "decision", decision, "text", text); }
    }

    public record ApprovalResumed(String actor, long approvalId, long itemId) implements AuditedEvent {
        public String action() { return "approval.resumed"; }
        public String subject() { return "approval:" + approvalId; }
    }

    /** Every step passed: the item may enter the whitelist of its year (the whitelist module listens). */
    public record ItemReadyForWhitelist(String actor, long approvalId, long itemId, String itemTitle, long departmentId,
                                        ItemRoute route, int year, boolean exempt) implements AuditedEvent {
        public String action() { return "approval.ready-for-whitelist"; }
        public String subject() { return "approval:" + approvalId; }
        public Map<String, Object> details() { return Map.of("item", itemId, "year", year, "exempt", exempt); }
    }

    public record ApprovalWithdrawn(String actor, long approvalId, long itemId) implements AuditedEvent {
        public String action() { return "approval.withdrawn"; }
        public String subject() { return "approval:" + approvalId; }
    }

    public record TaskTransferred(String actor, long approvalId, long taskId, long itemId, String itemTitle,
                                  long colleagueId) implements AuditedEvent {
        public String action() { return "approval.task-transferred"; }
        public String subject() { return "approval:" + approvalId; }
        public Map<String, Object> details() { return Map.of("task", taskId, "to", colleagueId); }
    }

    public record ApprovalCopied(String actor, long approvalId, long itemId, String itemTitle, List<Long> organizations)
            implements AuditedEvent {
        public String action() { return "approval.copied"; }
        public String subject() { return "approval:" + approvalId; }
        public Map<String, Object> details() { return Map.of("organizations", organizations); }
    }

    /** 催办: the open step's holders are reminded; {@code assignees} empty means the whole organisation. */
    public record StepReminded(String actor, long approvalId, long itemId, String itemTitle, long organizationId,
                               Role role, List<Long> assignees, LocalDate dueOn) implements AuditedEvent {
        public String action() { return "approval.step-reminded"; }
        public String subject() { return "approval:" + approvalId; }
        public Map<String, Object> details() { return Map.of("organization", organizationId, "dueOn", dueOn); }
    }

    public record StepOverdue(String actor, long approvalId, long taskId, long itemId, String itemTitle,
                              long organizationId, Role role, List<Long> assignees, LocalDate dueOn)
            implements AuditedEvent {
        public String action() { return "approval.step-overdue"; }
        public String subject() { return "approval:" + approvalId; }
        public Map<String, Object> details() { return Map.of("task", taskId, "dueOn", dueOn); }
    }

    public record QuotaOverridden(String actor, long approvalId, long itemId, String reason) implements AuditedEvent {
        public String action() { return "approval.quota-overridden"; }
        public String subject() { return "approval:" + approvalId; }
        public Map<String, Object> details() { return Map.of("reason", reason); }
    }

    public record QuotaConfigured(String actor, long jurisdictionId, int year, int maxItems, int maxActivities)
            implements AuditedEvent {
        public String action() { return "approval.quota-configured"; }
        public String subject() { return "quota:" + jurisdictionId + ":" + year; }
        public Map<String, Object> details() {
            return Map.of("maxItems", maxItems, "maxActivitiesPerSchoolSemester", maxActivities);
        }
    }

    public record ProcedureRevised(String actor, long procedureId, ItemRoute route, int revision, String note)
            implements AuditedEvent {
        public String action() { return "approval.procedure-revised"; }
        public String subject() { return "procedure:" + route + ":" + revision; }
        public Map<String, Object> details() { return Map.of("note", note); }
    }
}
