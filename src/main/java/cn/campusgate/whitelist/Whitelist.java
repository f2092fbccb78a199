package cn.campusgate.whitelist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import cn.campusgate.core.BusinessRuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One list of one jurisdiction and year. Owns its lifecycle ({@link WhitelistStatus}) and the facts each
 * state adds: the comment period, the approval, and the published version with its document number and
 * effective dates. Entries and the change log are kept beside it (see {@link Whitelists}).
 */
public final class Whitelist {

    /** 公示 lasts seven days unless the commission chooses longer (Xuancheng 2025); never shorter. */
    public static final int DEFAULT_COMMENT_DAYS = 7;
    /** The longest comment period the commission may choose. */
    public static final int MAX_COMMENT_DAYS = 30;

    private @Nullable Long id;
    private int version;
    private final long jurisdictionId;
    private final int year;
    private final WhitelistKind kind;
    private WhitelistStatus status;
    private int publishedVersion;
    private @Nullable LocalDate commentStartsOn;
    private @Nullable LocalDate commentEndsOn;
    private @Nullable LocalDate commentRestartedOn;
    private @Nullable String approvedBy;
    private @Nullable String approvalText;
    private @Nullable String documentNumber;
    private @Nullable LocalDate effectiveFrom;
    private @Nullable LocalDate effectiveTo;
    private final Instant createdAt;
    private Instant updatedAt;

    Whitelist(@Nullable Long id, int version, long jurisdictionId, int year, WhitelistKind kind, WhitelistStatus status,
              int publishedVersion, @Nullable LocalDate commentStartsOn, @Nullable LocalDate commentEndsOn,
              @Nullable LocalDate commentRestartedOn, @Nullable String approvedBy, @Nullable String approvalText, @Nullable String documentNumber,
              @Nullable LocalDate effectiveFrom, @Nullable LocalDate effectiveTo, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.version = version;
        this.jurisdictionId = jurisdictionId;
        this.year = year;
        this.kind = kind;
        this.status = status;
        this.publishedVersion = publishedVersion;
        this.commentStartsOn = commentStartsOn;
        this.commentEndsOn = commentEndsOn;
        this.commentRestartedOn = commentRestartedOn;
        this.approvedBy = approvedBy;
        this.approvalText = approvalText;
        this.documentNumber = documentNumber;
        this.effectiveFrom = effectiveFrom;
        this.effectiveTo = effectiveTo;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static Whitelist draft(long jurisdictionId, int year, WhitelistKind kind, Instant now) {
        return new Whitelist(null, 0, jurisdictionId, year, kind, WhitelistStatus.DRAFT, 0, null, null, null, null,
                null, null, null, null, now, now);
    }

    /** 公示: open for objections from today for {@code days} days (the last day included). */
    void startCommentPeriod(LocalDate today, int days, int listedEntries, Instant now) {
        move(WhitelistStatus.DRAFT, WhitelistStatus.COMMENT_PERIOD);
        if (listedEntries == 0) {
            throw new BusinessRuleViolation("whitelist.empty");
        }
        if (days < DEFAULT_COMMENT_DAYS || days > MAX_COMMENT_DAYS) {
            throw new BusinessRuleViolation("whitelist.commentDays", DEFAULT_COMMENT_DAYS, MAX_COMMENT_DAYS);
        }
        status = WhitelistStatus.COMMENT_PERIOD;
        commentStartsOn = today;
        commentEndsOn = today.plusDays(days - 1L);
        commentRestartedOn = null;
        updatedAt = now;
    }

    /**
     * The list changed while under comment (an item joined it): the 公示 starts again from today, for as many days
     * as it was opened for, because what the public comments on is the list as a whole (the items together, the
     * quota they use, their overlaps), and the list as it now stands has not yet been open to comment for a full
     * period. Objections already filed stay and must still be answered. Restarting rather than extending by the
     * days already past gives the new item the same full period every other item had, and one rule the public can
     * read: 公示 ends {@code days} days after the last change.
     */
    void restartCommentPeriod(LocalDate today, Instant now) {
        move(WhitelistStatus.COMMENT_PERIOD, WhitelistStatus.COMMENT_PERIOD);
        LocalDate start = Objects.requireNonNull(commentStartsOn);
        int days = (int) Math.max(DEFAULT_COMMENT_DAYS,
                java.time.temporal.ChronoUnit.DAYS.between(start, Objects.requireNonNull(commentEndsOn)) + 1);
        commentStartsOn = today;
        commentEndsOn = today.plusDays(days - 1L);
        commentRestartedOn = today;
        updatedAt = now;
    }

    /** An upheld objection: back to the draft; a new comment period follows the correction. */
    void returnToDraft(Instant now) {
        move(WhitelistStatus.DRAFT);
        status = WhitelistStatus.DRAFT;
        updatedAt = now;
    }

    /** The district leadership group approves: only after the period ended and every objection was answered. */
    void approve(String by, String text, LocalDate today, long unansweredObjections, Instant now) {
        move(WhitelistStatus.APPROVED);
        if (!today.isAfter(Objects.requireNonNull(commentEndsOn))) {
            throw new BusinessRuleViolation("whitelist.commentPeriodRunning", commentEndsOn);
        }
        if (unansweredObjections > 0) {
            throw new BusinessRuleViolation("whitelist.objectionsUnanswered", unansweredObjections);
        }
        if (text.isBlank()) {
            throw new BusinessRuleViolation("whitelist.reasonRequired");
        }
        status = WhitelistStatus.APPROVED;
        approvedBy = by;
        approvalText = text.strip();
        updatedAt = now;
    }

    /** Version 1, with the notice's document number and the dates it is in force. */
    void publish(String documentNumber, LocalDate from, LocalDate to, Instant now) {
        move(WhitelistStatus.PUBLISHED);
        if (documentNumber.isBlank()) {
            throw new BusinessRuleViolation("whitelist.documentNumberRequired");
        }
        if (to.isBefore(from) || from.getYear() > year || to.getYear() < year) {
            throw new BusinessRuleViolation("whitelist.effectiveDates", year);
        }
        status = WhitelistStatus.PUBLISHED;
        publishedVersion = 1;
        this.documentNumber = documentNumber.strip();
        effectiveFrom = from;
        effectiveTo = to;
        updatedAt = now;
    }

    /** An addition, removal or change to the published list: the next version. */
    int amend(@Nullable String newDocumentNumber, Instant now) {
        move(WhitelistStatus.AMENDED);
        status = WhitelistStatus.AMENDED;
        publishedVersion++;
        if (newDocumentNumber != null && !newDocumentNumber.isBlank()) {
            documentNumber = newDocumentNumber.strip();
        }
        updatedAt = now;
        return publishedVersion;
    }

    /** At year end: once the list's year is over. */
    void archive(LocalDate today, Instant now) {
        move(WhitelistStatus.ARCHIVED);
        if (today.getYear() <= year) {
            throw new BusinessRuleViolation("whitelist.yearNotOver", year);
        }
        status = WhitelistStatus.ARCHIVED;
        updatedAt = now;
    }

    /** A move that only one state makes (the table allows COMMENT_PERIOD from DRAFT and from itself). */
    private void move(WhitelistStatus from, WhitelistStatus next) {
        if (status != from) {
            throw new BusinessRuleViolation("whitelist.illegalTransition",
                    new DefaultMessageSourceResolvable("whitelist.status." + status),
                    new DefaultMessageSourceResolvable("whitelist.status." + next));
        }
        move(next);
    }

    private void move(WhitelistStatus next) {
        if (!status.canMoveTo(next)) {
            throw new BusinessRuleViolation("whitelist.illegalTransition",
                    new DefaultMessageSourceResolvable("whitelist.status." + status),
                    new DefaultMessageSourceResolvable("whitelist.status." + next));
        }
    }

    /** Whether the public may object today. */
    public boolean openForObjections(LocalDate today) {
        return status == WhitelistStatus.COMMENT_PERIOD && commentStartsOn != null && commentEndsOn != null
                && !today.isBefore(commentStartsOn) && !today.isAfter(commentEndsOn);
    }

    void assignId(long newId) {
        this.id = newId;
    }

    void incrementVersion() {
        version++;
    }

    public long id() { return Objects.requireNonNull(id, "not saved yet"); }
    public int version() { return version; }
    public long jurisdictionId() { return jurisdictionId; }
    public int year() { return year; }
    public WhitelistKind kind() { return kind; }
    public WhitelistStatus status() { return status; }
    public int publishedVersion() { return publishedVersion; }
    public @Nullable LocalDate commentStartsOn() { return commentStartsOn; }
    public @Nullable LocalDate commentEndsOn() { return commentEndsOn; }
    /** The day the 公示 started again because the list changed under comment; null if it never did. */
    public @Nullable LocalDate commentRestartedOn() { return commentRestartedOn; }
    /** Days of the current comment period, the last day included. */
    public int commentDays() {
        return commentStartsOn == null || commentEndsOn == null ? 0
                : (int) java.time.temporal.ChronoUnit.DAYS.between(commentStartsOn, commentEndsOn) + 1;
    }
    public @Nullable String approvedBy() { return approvedBy; }
    public @Nullable String approvalText() { return approvalText; }
    public @Nullable String documentNumber() { return documentNumber; }
    public @Nullable LocalDate effectiveFrom() { return effectiveFrom; }
    public @Nullable LocalDate effectiveTo() { return effectiveTo; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
