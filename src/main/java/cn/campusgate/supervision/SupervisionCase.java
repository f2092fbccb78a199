package cn.campusgate.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A supervision case (督办案件): one or more related complaints (same school, same body concerned, same
 * period), the weight they give it, and its closed loop. Owns its lifecycle ({@link CaseStatus}), the
 * stage's working-day deadline (the service computes dates with the working calendar), extensions, the
 * measures and the history. Every move is checked against the transition table.
 */
public final class SupervisionCase {

    static final int MAX_TEXT = 2000;

    private @Nullable Long id;
    private int version;
    private final String number;
    private final long jurisdictionId;
    private final long schoolId;
    private final String schoolName;
    private final @Nullable Long targetId;
    private final @Nullable String targetName;
    private final ComplaintCategory category;
    private final @Nullable String itemTitle;
    private final LocalDate periodStart;
    private CaseStatus status;
    private LocalDate stageStartedOn;
    private LocalDate dueOn;
    private boolean overdue;
    private int escalationLevel;
    private int weight;
    private @Nullable CaseOutcome outcome;
    private @Nullable String findings;
    private @Nullable Instant verifiedAt;
    private @Nullable String closingReply;
    private final Instant openedAt;
    private Instant updatedAt;
    private @Nullable Instant closedAt;
    private final List<Extension> extensions;
    private final List<Sanction> sanctions;
    private final List<TraceEntry> newTrace = new ArrayList<>();

    SupervisionCase(@Nullable Long id, int version, String number, long jurisdictionId, long schoolId,
                    String schoolName, @Nullable Long targetId, @Nullable String targetName, ComplaintCategory category,
                    @Nullable String itemTitle, LocalDate periodStart, CaseStatus status, LocalDate stageStartedOn,
                    LocalDate dueOn, boolean overdue, int escalationLevel, int weight, @Nullable CaseOutcome outcome,
                    @Nullable String findings, @Nullable Instant verifiedAt, @Nullable String closingReply,
                    Instant openedAt, Instant updatedAt, @Nullable Instant closedAt, List<Extension> extensions,
                    List<Sanction> sanctions) {
        this.id = id;
        this.version = version;
        this.number = number;
        this.jurisdictionId = jurisdictionId;
        this.schoolId = schoolId;
        this.schoolName = schoolName;
        this.targetId = targetId;
        this.targetName = targetName;
        this.category = category;
        this.itemTitle = itemTitle;
        this.periodStart = periodStart;
        this.status = status;
        this.stageStartedOn = stageStartedOn;
        this.dueOn = dueOn;
        this.overdue = overdue;
        this.escalationLevel = escalationLevel;
        this.weight = weight;
        this.outcome = outcome;
        this.findings = findings;
        this.verifiedAt = verifiedAt;
        this.closingReply = closingReply;
        this.openedAt = openedAt;
        this.updatedAt = updatedAt;
        this.closedAt = closedAt;
        this.extensions = new ArrayList<>(extensions);
        this.sanctions = new ArrayList<>(sanctions);
    }

    /** A new case for a complaint that matches no open one. */
    static SupervisionCase open(String number, long jurisdictionId, long schoolId, String schoolName,
                                @Nullable Long targetId, @Nullable String targetName, ComplaintCategory category,
                                @Nullable String itemTitle, LocalDate periodStart, LocalDate today, LocalDate dueOn,
                                String actor, String actorName, Instant now) {
        SupervisionCase c = new SupervisionCase(null, 0, number, jurisdictionId, schoolId, schoolName, targetId,
                targetName, category, itemTitle, periodStart, CaseStatus.RECEIVED, today, dueOn, false, 0, 1, null,
                null, null, null, now, now, null, List.of(), List.of());
        c.trace(TraceEntry.Kind.OPENED, null, CaseStatus.RECEIVED, null, dueOn, actor, actorName, now);
        return c;
    }

    /** A related complaint joins the case and raises its weight. */
    void group(String actor, String actorName, Instant now) {
        if (!status.open()) {
            throw new IllegalStateException("a closed case takes no complaint");
        }
        weight++;
        updatedAt = now;
        trace(TraceEntry.Kind.GROUPED, null, null, String.valueOf(weight), null, actor, actorName, now);
    }

    /** 受理: verification starts. */
    void accept(Actor actor, LocalDate today, LocalDate due, Instant now) {
        if (status != CaseStatus.RECEIVED) {
            illegal(CaseStatus.VERIFICATION);
        }
        enter(CaseStatus.VERIFICATION, today, due, now);
        trace(TraceEntry.Kind.MOVED, CaseStatus.RECEIVED, CaseStatus.VERIFICATION, null, due, actor, now);
    }

    /** 不予受理, with the reason the complainant reads. */
    void refuse(Actor actor, String reason, LocalDate today, Instant now) {
        CaseStatus from = status;
        if (from != CaseStatus.RECEIVED) {
            illegal(CaseStatus.CLOSED);
        }
        enter(CaseStatus.CLOSED, today, today, now);
        outcome = CaseOutcome.NOT_ACCEPTED;
        closingReply = reason;
        closedAt = now;
        trace(TraceEntry.Kind.CLOSED, from, CaseStatus.CLOSED, reason, null, actor, now);
    }

    /** 核查结论: substantiated goes on to handling, anything else to the follow-up with the complainant. */
    void verify(Actor actor, CaseOutcome found, String facts, LocalDate today, LocalDate due, Instant now) {
        if (found == CaseOutcome.NOT_ACCEPTED) {
            throw new BusinessRuleViolation("supervision.outcome.invalid");
        }
        CaseStatus next = found == CaseOutcome.SUBSTANTIATED ? CaseStatus.HANDLING : CaseStatus.FOLLOW_UP;
        CaseStatus from = status;
        if (from != CaseStatus.VERIFICATION) {
            illegal(next);
        }
        enter(next, today, due, now);
        outcome = found;
        findings = facts;
        verifiedAt = now;
        trace(TraceEntry.Kind.MOVED, from, next, facts, due, actor, now);
    }

    /** Handling is over: every measure is issued; the complainant is told next. */
    void concludeHandling(Actor actor, @Nullable String note, LocalDate today, LocalDate due, Instant now) {
        if (status != CaseStatus.HANDLING) {
            illegal(CaseStatus.FOLLOW_UP);
        }
        if (sanctions.isEmpty()) {
            throw new BusinessRuleViolation("supervision.handling.noSanction");
        }
        if (sanctions.stream().anyMatch(Sanction::awaitingRemoval)) {
            throw new BusinessRuleViolation("supervision.handling.removalPending");
        }
        CaseStatus from = status;
        enter(CaseStatus.FOLLOW_UP, today, due, now);
        trace(TraceEntry.Kind.MOVED, from, CaseStatus.FOLLOW_UP, note, due, actor, now);
    }

    /** 退回: back to an earlier stage, with the reason. */
    void returnTo(CaseStatus target, Actor actor, String reason, LocalDate today, LocalDate due, Instant now) {
        if (!status.isReturnTo(target)) {
            illegal(target);
        }
        if (target == CaseStatus.HANDLING && outcome != CaseOutcome.SUBSTANTIATED) {
            throw new BusinessRuleViolation("supervision.return.notSubstantiated");
        }
        CaseStatus from = status;
        enter(target, today, due, now);
        trace(TraceEntry.Kind.RETURNED, from, target, reason, due, actor, now);
    }

    /** 办结, with the reply every complainant of the case reads. */
    void close(Actor actor, String reply, LocalDate today, Instant now) {
        CaseStatus from = status;
        if (from != CaseStatus.FOLLOW_UP) {
            illegal(CaseStatus.CLOSED);
        }
        enter(CaseStatus.CLOSED, today, today, now);
        closingReply = reply;
        closedAt = now;
        trace(TraceEntry.Kind.CLOSED, from, CaseStatus.CLOSED, reply, null, actor, now);
    }

    Extension requestExtension(Actor actor, int days, String reason, Instant now) {
        if (status != CaseStatus.VERIFICATION && status != CaseStatus.HANDLING && status != CaseStatus.FOLLOW_UP) {
            throw new BusinessRuleViolation("supervision.extension.notNow");
        }
        if (pendingExtension().isPresent()) {
            throw new BusinessRuleViolation("supervision.extension.pending");
        }
        if (days < 1 || days > Extension.MAX_DAYS) {
            throw new BusinessRuleViolation("supervision.extension.days", 1, Extension.MAX_DAYS);
        }
        Extension extension = Extension.request(status, days, reason, actor, now);
        extensions.add(extension);
        updatedAt = now;
        trace(TraceEntry.Kind.EXTENSION_REQUESTED, null, null, reason, null, actor, now);
        return extension;
    }

    /** Grants or refuses the pending extension; a grant moves the stage's deadline to {@code extendedDue}. */
    Extension decideExtension(long extensionId, Actor actor, boolean approve, @Nullable String note,
                              LocalDate extendedDue, Instant now) {
        Extension extension = extensions.stream().filter(e -> !e.isNew() && e.id() == extensionId).findFirst()
                .orElseThrow(() -> new NotFound("extension", extensionId));
        if (extension.pending() && extension.stage() != status) {
            throw new BusinessRuleViolation("supervision.extension.stageOver");
        }
        extension.decide(actor, approve, note, now);
        if (approve) {
            dueOn = extendedDue;
            overdue = false;
        }
        updatedAt = now;
        trace(approve ? TraceEntry.Kind.EXTENSION_APPROVED : TraceEntry.Kind.EXTENSION_REFUSED, null, null, note,
                approve ? extendedDue : null, actor, now);
        return extension;
    }

    /** The stage's deadline passed: flagged once per stage, and the case climbs one escalation level. */
    void markOverdue(Instant now) {
        if (!status.open() || overdue) {
            throw new IllegalStateException("case " + number + " is not newly overdue");
        }
        overdue = true;
        escalationLevel++;
        updatedAt = now;
        trace(TraceEntry.Kind.OVERDUE, null, null, String.valueOf(escalationLevel), dueOn, "system", "", now);
    }

    Sanction issue(SanctionKind kind, long target, String targetDisplay, String basis, String notice,
                   LocalDate responseDue, Sanction.@Nullable Entry entry, Actor actor, Instant now) {
        if (status != CaseStatus.HANDLING) {
            throw new BusinessRuleViolation("supervision.sanction.notHandling");
        }
        Sanction sanction = Sanction.issue(kind, target, targetDisplay, basis, notice, responseDue, entry, actor, now);
        sanctions.add(sanction);
        updatedAt = now;
        trace(TraceEntry.Kind.SANCTION_ISSUED, null, null, kind.name(), responseDue, actor, now);
        return sanction;
    }

    Sanction respond(long sanctionId, Actor actor, String text, Instant now) {
        Sanction sanction = sanction(sanctionId);
        sanction.respond(actor, text, now);
        updatedAt = now;
        trace(TraceEntry.Kind.SANCTION_ANSWERED, null, null, sanction.kind().name(), null, actor, now);
        return sanction;
    }

    Sanction recordRemoval(long sanctionId, int whitelistVersion, Actor actor, Instant now) {
        Sanction sanction = sanction(sanctionId);
        sanction.recordRemoval(whitelistVersion, actor, now);
        updatedAt = now;
        trace(TraceEntry.Kind.WHITELIST_REMOVED, null, null, sanction.entryTitle(), null, actor, now);
        return sanction;
    }

    Sanction publishExposure(long sanctionId, String summary, Actor actor, Instant now) {
        Sanction sanction = sanction(sanctionId);
        sanction.publish(summary, actor, now);
        updatedAt = now;
        trace(TraceEntry.Kind.EXPOSURE_PUBLISHED, null, null, null, null, actor, now);
        return sanction;
    }

    void recordReply(Actor actor, Instant now) {
        updatedAt = now;
        trace(TraceEntry.Kind.REPLIED, null, null, null, null, actor, now);
    }

    public Sanction sanction(long sanctionId) {
        return sanctions.stream().filter(s -> !s.isNew() && s.id() == sanctionId).findFirst()
                .orElseThrow(() -> new NotFound("sanction", sanctionId));
    }

    public Optional<Extension> pendingExtension() {
        return extensions.stream().filter(Extension::pending).findFirst();
    }

    private void enter(CaseStatus next, LocalDate today, LocalDate due, Instant now) {
        if (!status.canMoveTo(next)) {
            illegal(next);
        }
        status = next;
        stageStartedOn = today;
        dueOn = due;
        overdue = false;
        updatedAt = now;
    }

    private void illegal(CaseStatus next) {
        throw new BusinessRuleViolation("supervision.illegalTransition",
                new DefaultMessageSourceResolvable("supervision.status." + status),
                new DefaultMessageSourceResolvable("supervision.status." + next));
    }

    private void trace(TraceEntry.Kind kind, @Nullable CaseStatus from, @Nullable CaseStatus to, @Nullable String text,
                       @Nullable LocalDate due, Actor actor, Instant now) {
        trace(kind, from, to, text, due, actor.username(), actor.displayName(), now);
    }

    private void trace(TraceEntry.Kind kind, @Nullable CaseStatus from, @Nullable CaseStatus to, @Nullable String text,
                       @Nullable LocalDate due, String actor, String actorName, Instant now) {
        newTrace.add(new TraceEntry(kind, from, to, text, due, actor, actorName, now));
    }

    List<TraceEntry> drainTrace() {
        List<TraceEntry> drained = List.copyOf(newTrace);
        newTrace.clear();
        return drained;
    }

    boolean isNew() { return id == null; }
    void assignId(long newId) { id = newId; }
    void bumpVersion() { version++; }
    List<Extension> extensionsInternal() { return extensions; }
    List<Sanction> sanctionsInternal() { return sanctions; }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int version() { return version; }
    public String number() { return number; }
    public long jurisdictionId() { return jurisdictionId; }
    public long schoolId() { return schoolId; }
    public String schoolName() { return schoolName; }
    public @Nullable Long targetId() { return targetId; }
    public @Nullable String targetName() { return targetName; }
    public ComplaintCategory category() { return category; }
    public @Nullable String itemTitle() { return itemTitle; }
    public LocalDate periodStart() { return periodStart; }
    public CaseStatus status() { return status; }
    public LocalDate stageStartedOn() { return stageStartedOn; }
    public LocalDate dueOn() { return dueOn; }
    public boolean overdue() { return overdue; }
    public int escalationLevel() { return escalationLevel; }
    public int weight() { return weight; }
    public @Nullable CaseOutcome outcome() { return outcome; }
    public @Nullable String findings() { return findings; }
    public @Nullable Instant verifiedAt() { return verifiedAt; }
    public @Nullable String closingReply() { return closingReply; }
    public Instant openedAt() { return openedAt; }
    public Instant updatedAt() { return updatedAt; }
    public @Nullable Instant closedAt() { return closedAt; }
    public List<Extension> extensions() { return List.copyOf(extensions); }
    public List<Sanction> sanctions() { return List.copyOf(sanctions); }
}
