package cn.campusgate.committee;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A submitted review: each aspect scored 1–5 with a comment, each judgement yes or no (with the reason for
 * a no), the recommendation, the changes it asks for (one per line) and an overall comment.
 */
public record ReviewContent(List<Score> scores, List<Verdict> judgements, Recommendation recommendation,
                            @Nullable String requiredChanges, @Nullable String comment) {

    public ReviewContent {
        scores = List.copyOf(scores);
        judgements = List.copyOf(judgements);
    }

    public record Score(Aspect aspect, int score, String comment) {
    }

    public record Verdict(Judgement judgement, boolean holds, @Nullable String reason) {
    }

    public int score(Aspect aspect) {
        return scores.stream().filter(s -> s.aspect() == aspect).mapToInt(Score::score).findFirst().orElse(0);
    }

    public @Nullable Verdict verdict(Judgement judgement) {
        return judgements.stream().filter(v -> v.judgement() == judgement).findFirst().orElse(null);
    }

    /** The changes asked for, one per line, without list marks. */
    public List<String> changes() {
        if (requiredChanges == null) {
            return List.of();
        }
        return requiredChanges.lines().map(l -> l.strip().replaceFirst("^(\\d+[.、．)）]|[-•·*])\\s*", "").strip())
                .filter(l -> !l.isEmpty()).toList();
    }
}
