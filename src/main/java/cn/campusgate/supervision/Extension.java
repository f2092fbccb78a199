package cn.campusgate.supervision;

import java.time.Instant;
import java.util.Objects;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * 延期: more working days for the stage a case is in, asked for with a reason and granted (or not) by someone
 * other than the person who asked: another supervisor or the education commission's task-force office.
 */
public final class Extension {

    public static final int MAX_DAYS = 20;

    private @Nullable Long id;
    private final CaseStatus stage;
    private final int workingDays;
    private final String reason;
    private final String requestedBy;
    private final String requestedByName;
    private final Instant requestedAt;
    private @Nullable Boolean approved;
    private @Nullable String decidedBy;
    private @Nullable String decisionNote;
    private @Nullable Instant decidedAt;
    private boolean changed;

    Extension(@Nullable Long id, CaseStatus stage, int workingDays, String reason, String requestedBy,
              String requestedByName, Instant requestedAt, @Nullable Boolean approved, @Nullable String decidedBy,
              @Nullable String decisionNote, @Nullable Instant decidedAt) {
        this.id = id;
        this.stage = stage;
        this.workingDays = workingDays;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedByName = requestedByName;
        this.requestedAt = requestedAt;
        this.approved = approved;
        this.decidedBy = decidedBy;
        this.decisionNote = decisionNote;
        this.decidedAt = decidedAt;
    }

    static Extension request(CaseStatus stage, int days, String reason, Actor actor, Instant now) {
        Extension extension = new Extension(null, stage, days, reason, actor.username(), actor.displayName(), now,
                null, null, null, null);
        extension.changed = true;
        return extension;
    }

    void decide(Actor actor, boolean approve, @Nullable String note, Instant now) {
        if (!pending()) {
            throw new BusinessRuleViolation("supervision.extension.decided");
        }
        if (requestedBy.equals(actor.username())) {
            throw new BusinessRuleViolation("supervision.extension.ownRequest");
        }
        approved = approve;
        decidedBy = actor.username();
        decisionNote = note;
        decidedAt = now;
        changed = true;
    }

    public boolean pending() {
        return approved == null;
    }

    boolean isNew() { return id == null; }
    void assignId(long newId) { id = newId; }
    boolean changed() { return changed; }
    void saved() { changed = false; }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public CaseStatus stage() { return stage; }
    public int workingDays() { return workingDays; }
    public String reason() { return reason; }
    public String requestedBy() { return requestedBy; }
    public String requestedByName() { return requestedByName; }
    public Instant requestedAt() { return requestedAt; }
    public @Nullable Boolean approved() { return approved; }
    public @Nullable String decidedBy() { return decidedBy; }
    public @Nullable String decisionNote() { return decisionNote; }
    public @Nullable Instant decidedAt() { return decidedAt; }
}
