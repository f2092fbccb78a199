package cn.campusgate.whitelist;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a list stands. The transition table is the single source of truth: {@link Whitelist} consults it
 * for every move, and a test walks the whole table.
 */
public enum WhitelistStatus {
    /** 草稿: annual items gather; the commission prepares the list. */
    DRAFT,
    /** 公示中: open to public objections for the comment period (default 7 days). */
    COMMENT_PERIOD,
    /** 已审核批准: the district leadership group approved the list after its comment period. */
    APPROVED,
    /** 已发布: published as version 1 with a document number and effective dates. */
    PUBLISHED,
    /** 已调整: published, then amended at least once; every amendment is a new version. */
    AMENDED,
    /** 已归档: the year is over; kept for the record, read-only. */
    ARCHIVED;

    private static final Map<WhitelistStatus, Set<WhitelistStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(COMMENT_PERIOD),
            // An upheld objection sends the list back to the draft for another comment period; an item joining the
            // list under comment restarts the period (COMMENT_PERIOD again, from the day of the change).
            COMMENT_PERIOD, EnumSet.of(DRAFT, COMMENT_PERIOD, APPROVED),
            APPROVED, EnumSet.of(PUBLISHED),
            PUBLISHED, EnumSet.of(AMENDED, ARCHIVED),
            AMENDED, EnumSet.of(AMENDED, ARCHIVED),
            ARCHIVED, EnumSet.noneOf(WhitelistStatus.class));

    public boolean canMoveTo(WhitelistStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** States a transition table row lists, for the table's own test. */
    static Set<WhitelistStatus> successors(WhitelistStatus status) {
        return Set.copyOf(TRANSITIONS.get(status));
    }

    /** Whether the list is in force and shown to the public as the current list. */
    public boolean inForce() {
        return this == PUBLISHED || this == AMENDED;
    }

    /**
     * Whether a department may file an implementation plan for an entry of a list in this state: the list is in force,
     * or approved and waiting for publication. Never for a draft or a list under comment.
     */
    public boolean plannable() {
        return this == APPROVED || inForce();
    }

    /** Whether entries may be added or removed without a new published version. */
    public boolean editableDraft() {
        return this == DRAFT;
    }
}
