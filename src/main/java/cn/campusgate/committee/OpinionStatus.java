package cn.campusgate.committee;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A committee opinion's lifecycle: the secretary edits a draft (or generates it again), then signs it once. */
public enum OpinionStatus {
    /** 草稿: generated from the reviews; the secretary may edit it or generate it again. */
    DRAFT,
    /** 已签发: signed; never changes again, and it decided the approval step. */
    SIGNED;

    private static final Map<OpinionStatus, Set<OpinionStatus>> TRANSITIONS = Map.of(
            DRAFT, EnumSet.of(DRAFT, SIGNED),
            SIGNED, EnumSet.noneOf(OpinionStatus.class));

    public boolean canMoveTo(OpinionStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }
}
