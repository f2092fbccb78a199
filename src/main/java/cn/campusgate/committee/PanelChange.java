package cn.campusgate.committee;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of a panel's record: every change to its composition and every step of its work, with who did it
 * and why; draws carry their full record so that an auditor can replay them.
 */
public record PanelChange(Kind kind, int round, @Nullable Long accountId, @Nullable String accountName,
                          @Nullable String reason, @Nullable DrawRecord draw, String actor, String actorName,
                          Instant at) {

    public enum Kind {
        REQUESTED, DRAWN, ADDED, REMOVED, DISCARDED, CONVENED, CLEARED, RECUSED, REPLACED, NO_REPLACEMENT,
        MEMBER_REPLACED, SUBMITTED, SET_ASIDE, REMINDED, DEADLINE_EXTENDED, OPINION_DRAFTED, OPINION_EDITED,
        SIGNED, REOPENED, CLOSED
    }
}
