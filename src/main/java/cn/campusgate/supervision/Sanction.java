package cn.campusgate.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import cn.campusgate.core.Actor;
import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;

/**
 * One measure of a case, addressed to a department or a town/street: its kind, its basis (依据), the notice
 * the body receives, the window in which it must respond, and its response. An exposure is later published
 * (redacted) on the public page; a removal from the whitelist is carried out by the education commission
 * through the whitelist's change process. Changed only through its {@link SupervisionCase}.
 */
public final class Sanction {

    private @Nullable Long id;
    private final SanctionKind kind;
    private final long targetId;
    private final String targetName;
    private final String basis;
    private final String notice;
    private final String issuedBy;
    private final String issuedByName;
    private final Instant issuedAt;
    private final LocalDate responseDueOn;
    private @Nullable String response;
    private @Nullable String respondedBy;
    private @Nullable String respondedByName;
    private @Nullable Instant respondedAt;
    private boolean responseOverdue;
    private final @Nullable Long whitelistId;
    private final @Nullable Long whitelistEntryId;
    private final @Nullable String entryTitle;
    private @Nullable Integer removalVersion;
    private @Nullable String removalDoneBy;
    private @Nullable Instant removalDoneAt;
    private @Nullable String exposureSummary;
    private @Nullable String publishedBy;
    private @Nullable Instant publishedAt;
    private boolean changed;

    Sanction(@Nullable Long id, SanctionKind kind, long targetId, String targetName, String basis, String notice,
             String issuedBy, String issuedByName, Instant issuedAt, LocalDate responseDueOn, @Nullable String response,
             @Nullable String respondedBy, @Nullable String respondedByName, @Nullable Instant respondedAt,
             boolean responseOverdue, @Nullable Long whitelistId, @Nullable Long whitelistEntryId,
             @Nullable String entryTitle, @Nullable Integer removalVersion, @Nullable String removalDoneBy,
             @Nullable Instant removalDoneAt, @Nullable String exposureSummary, @Nullable String publishedBy,
             @Nullable Instant publishedAt) {
        this.id = id;
        this.kind = kind;
        this.targetId = targetId;
        this.targetName = targetName;
        this.basis = basis;
        this.notice = notice;
        this.issuedBy = issuedBy;
        this.issuedByName = issuedByName;
        this.issuedAt = issuedAt;
        this.responseDueOn = responseDueOn;
        this.response = response;
        this.respondedBy = respondedBy;
        this.respondedByName = respondedByName;
        this.respondedAt = respondedAt;
        this.responseOverdue = responseOverdue;
        this.whitelistId = whitelistId;
        this.whitelistEntryId = whitelistEntryId;
        this.entryTitle = entryTitle;
        this.removalVersion = removalVersion;
        this.removalDoneBy = removalDoneBy;
        this.removalDoneAt = removalDoneAt;
        this.exposureSummary = exposureSummary;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
    }

    /** The whitelist entry a removal concerns. */
    record Entry(long whitelistId, long entryId, String title) {
    }

    static Sanction issue(SanctionKind kind, long targetId, String targetName, String basis, String notice,
                          LocalDate responseDueOn, @Nullable Entry entry, Actor actor, Instant now) {
        if ((kind == SanctionKind.WHITELIST_REMOVAL) != (entry != null)) {
            throw new BusinessRuleViolation("supervision.sanction.entryRequired");
        }
        Sanction sanction = new Sanction(null, kind, targetId, targetName, basis, notice, actor.username(),
                actor.displayName(), now, responseDueOn, null, null, null, null, false,
                entry == null ? null : entry.whitelistId(), entry == null ? null : entry.entryId(),
                entry == null ? null : entry.title(), null, null, null, null, null, null);
        sanction.changed = true;
        return sanction;
    }

    /** The body concerned answers within (or after) its window; once. */
    void respond(Actor actor, String text, Instant now) {
        if (actor.organizationId() != targetId) {
            throw new BusinessRuleViolation("supervision.sanction.notYours");
        }
        if (respondedAt != null) {
            throw new BusinessRuleViolation("supervision.sanction.answered");
        }
        response = text;
        respondedBy = actor.username();
        respondedByName = actor.displayName();
        respondedAt = now;
        changed = true;
    }

    void markResponseOverdue() {
        responseOverdue = true;
        changed = true;
    }

    void recordRemoval(int version, Actor actor, Instant now) {
        if (kind != SanctionKind.WHITELIST_REMOVAL || removalDoneAt != null) {
            throw new BusinessRuleViolation("supervision.sanction.removalNotPending");
        }
        removalVersion = version;
        removalDoneBy = actor.username();
        removalDoneAt = now;
        changed = true;
    }

    void publish(String summary, Actor actor, Instant now) {
        if (kind != SanctionKind.EXPOSURE) {
            throw new BusinessRuleViolation("supervision.exposure.notExposure");
        }
        if (publishedAt != null) {
            throw new BusinessRuleViolation("supervision.exposure.published");
        }
        exposureSummary = summary;
        publishedBy = actor.username();
        publishedAt = now;
        changed = true;
    }

    public boolean answered() {
        return respondedAt != null;
    }

    public boolean awaitingRemoval() {
        return kind == SanctionKind.WHITELIST_REMOVAL && removalDoneAt == null;
    }

    public boolean publishable() {
        return kind == SanctionKind.EXPOSURE && publishedAt == null;
    }

    /** Whether the response window has passed without a response. */
    public boolean lateOn(LocalDate today) {
        return respondedAt == null && today.isAfter(responseDueOn);
    }

    boolean isNew() { return id == null; }
    void assignId(long newId) { id = newId; }
    boolean changed() { return changed; }
    void saved() { changed = false; }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public SanctionKind kind() { return kind; }
    public long targetId() { return targetId; }
    public String targetName() { return targetName; }
    public String basis() { return basis; }
    public String notice() { return notice; }
    public String issuedBy() { return issuedBy; }
    public String issuedByName() { return issuedByName; }
    public Instant issuedAt() { return issuedAt; }
    public LocalDate responseDueOn() { return responseDueOn; }
    public @Nullable String response() { return response; }
    public @Nullable String respondedBy() { return respondedBy; }
    public @Nullable String respondedByName() { return respondedByName; }
    public @Nullable Instant respondedAt() { return respondedAt; }
    public boolean responseOverdue() { return responseOverdue; }
    public @Nullable Long whitelistId() { return whitelistId; }
    public @Nullable Long whitelistEntryId() { return whitelistEntryId; }
    public @Nullable String entryTitle() { return entryTitle; }
    public @Nullable Integer removalVersion() { return removalVersion; }
    public @Nullable String removalDoneBy() { return removalDoneBy; }
    public @Nullable Instant removalDoneAt() { return removalDoneAt; }
    public @Nullable String exposureSummary() { return exposureSummary; }
    public @Nullable String publishedBy() { return publishedBy; }
    public @Nullable Instant publishedAt() { return publishedAt; }
}
