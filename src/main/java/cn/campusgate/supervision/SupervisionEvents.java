package cn.campusgate.supervision;

import java.time.LocalDate;
import java.util.Map;

import cn.campusgate.core.AuditedEvent;

/**
 * Past-tense events of supervision; each is audited. None carries a complainant's name or contact, nor the
 * complaint's own words: the audit trail is read by administrators.
 */
public final class SupervisionEvents {

    private SupervisionEvents() {
    }

    public record ComplaintFiled(String actor, long complaintId, long caseId, String caseNumber, long jurisdictionId,
                                 Channel channel, ComplaintCategory category, boolean identified, boolean grouped,
                                 Card card) implements AuditedEvent {
        public String action() { return "supervision.complaint-filed"; }
        public String subject() { return "complaint:" + complaintId; }
        public Map<String, Object> details() {
            return Map.of("case", caseNumber, "channel", channel, "category", category, "identified", identified,
                    "grouped", grouped, "card", card);
        }
    }

    public record ComplainantWrote(String actor, long complaintId, long caseId, String caseNumber,
                                   long jurisdictionId) implements AuditedEvent {
        public String action() { return "supervision.complainant-wrote"; }
        public String subject() { return "complaint:" + complaintId; }
    }

    public record EvidenceAdded(String actor, long complaintId, long evidenceId, String contentType, long sizeBytes)
            implements AuditedEvent {
        public String action() { return "supervision.evidence-added"; }
        public String subject() { return "complaint:" + complaintId; }
        public Map<String, Object> details() { return Map.of("evidence", evidenceId, "type", contentType, "size", sizeBytes); }
    }

    public record ComplainantAnswered(String actor, long complaintId, long caseId) implements AuditedEvent {
        public String action() { return "supervision.complainant-answered"; }
        public String subject() { return "complaint:" + complaintId; }
    }

    /** A supervisor opened the sealed identity of a complainant. */
    public record IdentityRead(String actor, long complaintId) implements AuditedEvent {
        public String action() { return "supervision.identity-read"; }
        public String subject() { return "complaint:" + complaintId; }
    }

    public record EvidenceRead(String actor, long complaintId, long evidenceId) implements AuditedEvent {
        public String action() { return "supervision.evidence-read"; }
        public String subject() { return "complaint:" + complaintId; }
        public Map<String, Object> details() { return Map.of("evidence", evidenceId); }
    }

    public record CaseMoved(String actor, long caseId, String caseNumber, long jurisdictionId, CaseStatus from,
                            CaseStatus to, LocalDate dueOn) implements AuditedEvent {
        public String action() { return "supervision.case-moved"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() { return Map.of("case", caseNumber, "from", from, "to", to, "dueOn", dueOn); }
    }

    public record CaseVerified(String actor, long caseId, String caseNumber, CaseOutcome outcome)
            implements AuditedEvent {
        public String action() { return "supervision.case-verified"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() { return Map.of("case", caseNumber, "outcome", outcome); }
    }

    public record CaseClosed(String actor, long caseId, String caseNumber, CaseOutcome outcome) implements AuditedEvent {
        public String action() { return "supervision.case-closed"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() { return Map.of("case", caseNumber, "outcome", outcome); }
    }

    public record ExtensionRequested(String actor, long caseId, String caseNumber, long jurisdictionId, int workingDays,
                                     String reason) implements AuditedEvent {
        public String action() { return "supervision.extension-requested"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() { return Map.of("days", workingDays, "reason", reason); }
    }

    public record ExtensionDecided(String actor, long caseId, String caseNumber, boolean approved, String requestedBy,
                                   LocalDate dueOn) implements AuditedEvent {
        public String action() { return "supervision.extension-decided"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() { return Map.of("approved", approved, "dueOn", dueOn); }
    }

    public record CaseOverdue(String actor, long caseId, String caseNumber, long jurisdictionId, CaseStatus stage,
                              LocalDate dueOn, int escalationLevel) implements AuditedEvent {
        public String action() { return "supervision.case-overdue"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() { return Map.of("stage", stage, "dueOn", dueOn, "level", escalationLevel); }
    }

    public record SanctionIssued(String actor, long caseId, String caseNumber, long sanctionId, SanctionKind kind,
                                 long targetId, LocalDate responseDueOn) implements AuditedEvent {
        public String action() { return "supervision.sanction-issued"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() {
            return Map.of("sanction", sanctionId, "kind", kind, "target", targetId, "responseDueOn", responseDueOn);
        }
    }

    public record SanctionAnswered(String actor, long caseId, String caseNumber, long jurisdictionId, long sanctionId,
                                   SanctionKind kind) implements AuditedEvent {
        public String action() { return "supervision.sanction-answered"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() { return Map.of("sanction", sanctionId, "kind", kind); }
    }

    public record SanctionResponseOverdue(String actor, long caseId, String caseNumber, long jurisdictionId,
                                          long sanctionId, SanctionKind kind, long targetId) implements AuditedEvent {
        public String action() { return "supervision.sanction-response-overdue"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() { return Map.of("sanction", sanctionId, "kind", kind, "target", targetId); }
    }

    public record RemovalCarriedOut(String actor, long caseId, String caseNumber, long sanctionId, long whitelistId,
                                    long entryId, int whitelistVersion) implements AuditedEvent {
        public String action() { return "supervision.removal-carried-out"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() {
            return Map.of("sanction", sanctionId, "whitelist", whitelistId, "entry", entryId, "version", whitelistVersion);
        }
    }

    public record ExposurePublished(String actor, long caseId, String caseNumber, long sanctionId, long targetId)
            implements AuditedEvent {
        public String action() { return "supervision.exposure-published"; }
        public String subject() { return "case:" + caseId; }
        public Map<String, Object> details() { return Map.of("sanction", sanctionId, "target", targetId); }
    }
}
