package cn.campusgate.delivery;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import cn.campusgate.core.AuditedEvent;
import org.jspecify.annotations.Nullable;

/** Past-tense events of implementation plans; each is audited, and other modules may react to them. */
public final class PlanEvents {

    private PlanEvents() {
    }

    public record PlanSubmitted(String actor, long planId, long whitelistEntryId, long departmentId, String title,
                                LocalDate startsOn, LocalDate endsOn, int schools) implements AuditedEvent {
        public String action() { return "delivery.plan-submitted"; }
        public String subject() { return "plan:" + planId; }
        public Map<String, Object> details() {
            return Map.of("entry", whitelistEntryId, "startsOn", startsOn, "endsOn", endsOn, "schools", schools);
        }
    }

    public record PlanResubmitted(String actor, long planId, long departmentId, String title, int submission)
            implements AuditedEvent {
        public String action() { return "delivery.plan-resubmitted"; }
        public String subject() { return "plan:" + planId; }
        public Map<String, Object> details() { return Map.of("submission", submission); }
    }

    public record PlanApproved(String actor, long planId, long departmentId, String title, boolean narrowed,
                               @Nullable String opinion) implements AuditedEvent {
        public String action() { return "delivery.plan-approved"; }
        public String subject() { return "plan:" + planId; }
        public Map<String, Object> details() {
            Map<String, Object> details = new HashMap<>();
            details.put("narrowed", narrowed);
            if (opinion != null) {
                details.put("opinion", opinion);
            }
            return details;
        }
    }

    public record PlanReturned(String actor, long planId, long departmentId, String title, String opinion)
            implements AuditedEvent {
        public String action() { return "delivery.plan-returned"; }
        public String subject() { return "plan:" + planId; }
        public Map<String, Object> details() { return Map.of("opinion", opinion); }
    }

    public record PlanMerged(String actor, long planId, long departmentId, String title, long mergedIntoId,
                             String opinion) implements AuditedEvent {
        public String action() { return "delivery.plan-merged"; }
        public String subject() { return "plan:" + planId; }
        public Map<String, Object> details() { return Map.of("into", mergedIntoId, "opinion", opinion); }
    }

    public record PlanWithdrawn(String actor, long planId, long departmentId) implements AuditedEvent {
        public String action() { return "delivery.plan-withdrawn"; }
        public String subject() { return "plan:" + planId; }
    }
}
