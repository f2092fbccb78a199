package cn.campusgate.evaluation;

import java.time.LocalDate;
import java.util.Map;

import cn.campusgate.core.AuditedEvent;

/**
 * Past-tense events of evaluation; each is audited. Anonymous answers publish none: an audit entry would give them
 * an exact time, which they must not have.
 */
public final class EvaluationEvents {

    private EvaluationEvents() {
    }

    public record FeedbackOpened(String actor, long activityId, long planId, long whitelistEntryId, int schoolsAsked,
                                 LocalDate closesOn) implements AuditedEvent {
        public String action() { return "evaluation.feedback-opened"; }
        public String subject() { return "activity:" + activityId; }
        public Map<String, Object> details() {
            return Map.of("plan", planId, "entry", whitelistEntryId, "schoolsAsked", schoolsAsked, "closesOn", closesOn);
        }
    }

    public record SchoolAnswered(String actor, long activityId, long schoolId, boolean held) implements AuditedEvent {
        public String action() { return "evaluation.school-answered"; }
        public String subject() { return "activity:" + activityId; }
        public Map<String, Object> details() { return Map.of("school", schoolId, "held", held); }
    }

    public record SchoolReminded(String actor, long activityId, long schoolId) implements AuditedEvent {
        public String action() { return "evaluation.school-reminded"; }
        public String subject() { return "activity:" + activityId; }
        public Map<String, Object> details() { return Map.of("school", schoolId); }
    }

    public record TaskRated(String actor, long ratingId, long departmentId) implements AuditedEvent {
        public String action() { return "evaluation.task-rated"; }
        public String subject() { return "task-rating:" + ratingId; }
        public Map<String, Object> details() { return Map.of("department", departmentId); }
    }

    public record RemovalProposed(String actor, long proposalId, long whitelistEntryId, long departmentId, String title,
                                  int score, boolean stronglyDisliked, LocalDate responseDueOn) implements AuditedEvent {
        public String action() { return "evaluation.removal-proposed"; }
        public String subject() { return "removal:" + proposalId; }
        public Map<String, Object> details() {
            return Map.of("entry", whitelistEntryId, "score", score, "stronglyDisliked", stronglyDisliked,
                    "responseDueOn", responseDueOn);
        }
    }

    public record RemovalResponded(String actor, long proposalId, long departmentId) implements AuditedEvent {
        public String action() { return "evaluation.removal-responded"; }
        public String subject() { return "removal:" + proposalId; }
    }

    public record RemovalWindowClosed(String actor, long proposalId, LocalDate responseDueOn) implements AuditedEvent {
        public String action() { return "evaluation.removal-window-closed"; }
        public String subject() { return "removal:" + proposalId; }
        public Map<String, Object> details() { return Map.of("responseDueOn", responseDueOn); }
    }

    public record RemovalDecided(String actor, long proposalId, boolean remove, String note) implements AuditedEvent {
        public String action() { return "evaluation.removal-decided"; }
        public String subject() { return "removal:" + proposalId; }
        public Map<String, Object> details() { return Map.of("remove", remove, "note", note); }
    }

    public record RemovalCarriedOut(String actor, long proposalId, long whitelistId, long whitelistEntryId,
                                    int whitelistVersion) implements AuditedEvent {
        public String action() { return "evaluation.removal-carried-out"; }
        public String subject() { return "removal:" + proposalId; }
        public Map<String, Object> details() {
            return Map.of("whitelist", whitelistId, "entry", whitelistEntryId, "version", whitelistVersion);
        }
    }

    public record RemovalWithdrawn(String actor, long proposalId, String reason) implements AuditedEvent {
        public String action() { return "evaluation.removal-withdrawn"; }
        public String subject() { return "removal:" + proposalId; }
        public Map<String, Object> details() { return Map.of("reason", reason); }
    }
}
