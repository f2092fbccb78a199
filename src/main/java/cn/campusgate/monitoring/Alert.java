package cn.campusgate.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An alert raised from a sentinel record for the education commission. Owns its lifecycle ({@link AlertStatus}):
 * acknowledged, dismissed only with a reason, or turned into a supervision case with a note.
 *
 * @see AlertRules for when one is raised
 */
public final class Alert {

    private @Nullable Long id;
    private int version;
    private final AlertKind kind;
    private final long recordId;
    private final long schoolId;
    private final String schoolName;
    private final long departmentId;
    private final String departmentName;
    private final long jurisdictionId;
    private final List<String> facts;
    private AlertStatus status;
    private final Instant raisedAt;
    private @Nullable String handledBy;
    private @Nullable Instant handledAt;
    private @Nullable String dismissalReason;
    private @Nullable String caseNote;

    Alert(@Nullable Long id, int version, AlertKind kind, long recordId, long schoolId, String schoolName,
          long departmentId, String departmentName, long jurisdictionId, List<String> facts, AlertStatus status,
          Instant raisedAt, @Nullable String handledBy, @Nullable Instant handledAt, @Nullable String dismissalReason,
          @Nullable String caseNote) {
        this.id = id;
        this.version = version;
        this.kind = kind;
        this.recordId = recordId;
        this.schoolId = schoolId;
        this.schoolName = schoolName;
        this.departmentId = departmentId;
        this.departmentName = departmentName;
        this.jurisdictionId = jurisdictionId;
        this.facts = List.copyOf(facts);
        this.status = status;
        this.raisedAt = raisedAt;
        this.handledBy = handledBy;
        this.handledAt = handledAt;
        this.dismissalReason = dismissalReason;
        this.caseNote = caseNote;
    }

    static Alert raise(AlertRules.Raised raised, SentinelRecord record, Instant now) {
        return new Alert(null, 0, raised.kind(), record.id(), record.schoolId(), record.schoolName(),
                record.departmentId(), record.departmentName(), record.jurisdictionId(), raised.facts(),
                AlertStatus.NEW, now, null, null, null, null);
    }

    void acknowledge(String by, Instant now) {
        move(AlertStatus.ACKNOWLEDGED);
        status = AlertStatus.ACKNOWLEDGED;
        handledBy = by;
        handledAt = now;
    }

    void dismiss(@Nullable String reason, String by, Instant now) {
        move(AlertStatus.DISMISSED);
        dismissalReason = text(reason);
        status = AlertStatus.DISMISSED;
        handledBy = by;
        handledAt = now;
    }

    void openCase(@Nullable String note, String by, Instant now) {
        move(AlertStatus.CASE_OPENED);
        caseNote = text(note);
        status = AlertStatus.CASE_OPENED;
        handledBy = by;
        handledAt = now;
    }

    private static String text(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleViolation("monitoring.alert.reasonRequired");
        }
        if (text.strip().length() > 1000) {
            throw new BusinessRuleViolation("monitoring.textTooLong", 1000);
        }
        return text.strip();
    }

    private void move(AlertStatus next) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("monitoring.alert.illegalTransition",
                    new DefaultMessageSourceResolvable("monitoring.alert.status." + status),
                    new DefaultMessageSourceResolvable("monitoring.alert.status." + next));
        }
    }

    /** The message key describing it: per kind, and for a coverage alert per reason. */
    public String messageKey() {
        if (kind == AlertKind.NOT_COVERED && !facts.isEmpty()) {
            return "monitoring.alert.text.NOT_COVERED." + facts.getFirst();
        }
        return "monitoring.alert.text." + kind;
    }

    /** The arguments of {@link #messageKey()}. */
    public List<String> messageArguments() {
        return kind == AlertKind.NOT_COVERED && !facts.isEmpty() ? facts.subList(1, facts.size()) : facts;
    }

    void assignId(long newId) {
        id = newId;
    }

    void incrementVersion() {
        version++;
    }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int version() { return version; }
    public AlertKind kind() { return kind; }
    public long recordId() { return recordId; }
    public long schoolId() { return schoolId; }
    public String schoolName() { return schoolName; }
    public long departmentId() { return departmentId; }
    public String departmentName() { return departmentName; }
    public long jurisdictionId() { return jurisdictionId; }
    public List<String> facts() { return facts; }
    public AlertStatus status() { return status; }
    public Instant raisedAt() { return raisedAt; }
    public @Nullable String handledBy() { return handledBy; }
    public @Nullable Instant handledAt() { return handledAt; }
    public @Nullable String dismissalReason() { return dismissalReason; }
    public @Nullable String caseNote() { return caseNote; }
}
