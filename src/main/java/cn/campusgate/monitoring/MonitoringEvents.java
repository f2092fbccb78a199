package cn.campusgate.monitoring;

import java.time.LocalDate;
import java.util.Map;

import cn.campusgate.core.AuditedEvent;

/** Past-tense events of monitoring; each is audited. A supervision module reacts to {@link AlertTurnedIntoCase}. */
public final class MonitoringEvents {

    private MonitoringEvents() {
    }

    public record SentinelRecordMade(String actor, long recordId, long schoolId, RecordKind kind, long departmentId,
                                     String title, LocalDate occurredOn, String coverage, int findings,
                                     int classHours)
            implements AuditedEvent {
        public String action() { return "monitoring.record-made"; }
        public String subject() { return "sentinel-record:" + recordId; }
        public Map<String, Object> details() {
            return Map.of("school", schoolId, "kind", kind, "department", departmentId, "occurredOn", occurredOn,
                    "coverage", coverage, "findings", findings);
        }
    }

    public record AlertRaised(String actor, long alertId, AlertKind kind, long recordId, long schoolId,
                              long departmentId, long jurisdictionId) implements AuditedEvent {
        public String action() { return "monitoring.alert-raised"; }
        public String subject() { return "alert:" + alertId; }
        public Map<String, Object> details() {
            return Map.of("kind", kind, "record", recordId, "school", schoolId, "department", departmentId);
        }
    }

    public record AlertAcknowledged(String actor, long alertId) implements AuditedEvent {
        public String action() { return "monitoring.alert-acknowledged"; }
        public String subject() { return "alert:" + alertId; }
    }

    public record AlertDismissed(String actor, long alertId, String reason) implements AuditedEvent {
        public String action() { return "monitoring.alert-dismissed"; }
        public String subject() { return "alert:" + alertId; }
        public Map<String, Object> details() { return Map.of("reason", reason); }
    }

    /** The commission turned an alert into a supervision case (督办): the supervision module opens it. */
    public record AlertTurnedIntoCase(String actor, long alertId, AlertKind kind, long schoolId, long departmentId,
                                      long jurisdictionId, String note) implements AuditedEvent {
        public String action() { return "monitoring.alert-turned-into-case"; }
        public String subject() { return "alert:" + alertId; }
        public Map<String, Object> details() { return Map.of("note", note, "department", departmentId); }
    }

    public record MonthlyReturnPrefilled(String actor, long returnId, long schoolId, String month, int lines)
            implements AuditedEvent {
        public String action() { return "monitoring.return-prefilled"; }
        public String subject() { return "monthly-return:" + returnId; }
        public Map<String, Object> details() { return Map.of("school", schoolId, "month", month, "lines", lines); }
    }

    public record MonthlyReturnConfirmed(String actor, long returnId, String month, ReturnStatus status)
            implements AuditedEvent {
        public String action() { return "monitoring.return-confirmed"; }
        public String subject() { return "monthly-return:" + returnId; }
        public Map<String, Object> details() { return Map.of("month", month, "status", status); }
    }

    public record MonthlyReturnReopened(String actor, long returnId, String reason) implements AuditedEvent {
        public String action() { return "monitoring.return-reopened"; }
        public String subject() { return "monthly-return:" + returnId; }
        public Map<String, Object> details() { return Map.of("reason", reason); }
    }
}
