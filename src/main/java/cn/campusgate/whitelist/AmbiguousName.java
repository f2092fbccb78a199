package cn.campusgate.whitelist;

import java.util.List;

import cn.campusgate.core.BusinessRuleViolation;

/**
 * The public check was given part of a name that fits several organisations (二郎 fits every school of the town):
 * the caller is asked to choose one of {@code candidates}, full names, at most {@link #SHOWN}.
 *
 * @param field {@code school} or {@code department}
 */
public final class AmbiguousName extends BusinessRuleViolation {

    static final int SHOWN = 12;

    private final String field;
    private final transient List<String> candidates;

    AmbiguousName(String field, String given, List<String> candidates, int total) {
        super("whitelist.check.ambiguous." + field, given, total,
                String.join("、", candidates.subList(0, Math.min(SHOWN, candidates.size()))));
        this.field = field;
        this.candidates = List.copyOf(candidates.subList(0, Math.min(SHOWN, candidates.size())));
    }

    public String field() {
        return field;
    }

    /** Full names to choose from, at most {@link #SHOWN}. */
    public List<String> candidates() {
        return candidates;
    }
}
