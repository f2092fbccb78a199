package cn.campusgate.supervision;

import java.util.Collection;

/**
 * The escalation ladder for departments and towns/streets: 提示函 → 督办单 → 约谈/通报 (and 曝光) → 追责问责. The next
 * measure suggested for a body is one rung above the highest it has already received; a supervisor may choose
 * another, the ladder only suggests.
 */
final class EscalationLadder {

    private EscalationLadder() {
    }

    static SanctionKind suggest(Collection<SanctionKind> earlier) {
        int highest = earlier.stream().mapToInt(SanctionKind::rung).max().orElse(0);
        return switch (highest) {
            case 0 -> SanctionKind.REMINDER_LETTER;
            case 1 -> SanctionKind.SUPERVISION_ORDER;
            case 2 -> SanctionKind.INTERVIEW;
            default -> SanctionKind.ACCOUNTABILITY;
        };
    }
}
