package cn.campusgate.supervision;

/**
 * The measures supervision applies to a department or a town/street: the escalation ladder
 * 提示函 → 督办单 → 约谈/通报 → 追责问责, plus public exposure (曝光) and removal of an item from the whitelist.
 */
public enum SanctionKind {
    /** 提示函. */
    REMINDER_LETTER(1),
    /** 督办单. */
    SUPERVISION_ORDER(2),
    /** 通报. */
    NOTICE(3),
    /** 约谈. */
    INTERVIEW(3),
    /** 曝光: published, redacted, on the public exposure page. */
    EXPOSURE(3),
    /** 追责问责: referred to the discipline authorities. */
    ACCOUNTABILITY(4),
    /** 调整出白名单: through the whitelist's change process, carried out by the education commission. */
    WHITELIST_REMOVAL(0);

    private final int rung;

    SanctionKind(int rung) {
        this.rung = rung;
    }

    /** Position on the escalation ladder; 0 for the removal, which stands beside the ladder. */
    public int rung() {
        return rung;
    }
}
