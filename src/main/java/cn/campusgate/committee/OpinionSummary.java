package cn.campusgate.committee;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import cn.campusgate.organization.MemberKind;
import org.jspecify.annotations.Nullable;

/**
 * What the valid reviews of a round say together, without naming anyone: the panel's composition by kind;
 * per aspect the lowest and highest score and how many gave each score (disagreement is shown, never
 * averaged away); per judgement the yes and no counts with the reasons for no; the recommendations, the
 * majority (a tie goes to the stricter), the changes asked for and the dissenting views.
 */
public record OpinionSummary(int validReviews, int lapsed, Map<MemberKind, Integer> composition,
                             List<AspectSpread> aspects, List<JudgementTally> judgements,
                             Map<Recommendation, Integer> recommendations, @Nullable Recommendation majority,
                             List<String> requiredChanges, List<Dissent> dissent) {

    /**
     * A disagreement the opinion points out (委员意见分歧较大) is scores on both sides of the middle: someone gave
     * {@value #LOW} or less and someone {@value #HIGH} or more, i.e. some members find the aspect poor and others
     * good. A spread within one side (3–5, 1–3) is ordinary variation of judgement, not a split: calling nearly
     * every 3–5 spread a disagreement made the phrase meaningless.
     */
    static final int LOW = 2;
    static final int HIGH = 4;

    public OpinionSummary {
        composition = Map.copyOf(composition);
        aspects = List.copyOf(aspects);
        judgements = List.copyOf(judgements);
        recommendations = Map.copyOf(recommendations);
        requiredChanges = List.copyOf(requiredChanges);
        dissent = List.copyOf(dissent);
    }

    /**
     * @param counts how many gave 1, 2, 3, 4 and 5 points
     * @param notes  the comments of the lowest scores (at most 2 points), so a low score is never unexplained
     */
    public record AspectSpread(Aspect aspect, int min, int max, List<Integer> counts, List<String> notes) {
        public AspectSpread {
            counts = List.copyOf(counts);
            notes = List.copyOf(notes);
        }

        public boolean disagreement() {
            return min <= LOW && max >= HIGH;
        }
    }

    public record JudgementTally(Judgement judgement, int yes, int no, List<String> reasons) {
        public JudgementTally {
            reasons = List.copyOf(reasons);
        }
    }

    /** A view other than the majority's: what it recommended and why. */
    public record Dissent(Recommendation recommendation, String reason) {
    }

    /** Summarises the valid reviews of a round; {@code seatedKinds} are the kinds of everyone seated in it. */
    public static OpinionSummary of(List<ReviewContent> reviews, List<MemberKind> seatedKinds, int lapsed) {
        Map<MemberKind, Integer> composition = new EnumMap<>(MemberKind.class);
        seatedKinds.forEach(kind -> composition.merge(kind, 1, Integer::sum));
        List<AspectSpread> aspects = new ArrayList<>();
        for (Aspect aspect : Aspect.values()) {
            List<Integer> scores = reviews.stream().map(r -> r.score(aspect)).filter(s -> s > 0).toList();
            Integer[] counts = {0, 0, 0, 0, 0};
            scores.forEach(s -> counts[s - 1]++);
            List<String> notes = reviews.stream().flatMap(r -> r.scores().stream())
                    .filter(s -> s.aspect() == aspect && s.score() <= 2).map(ReviewContent.Score::comment).toList();
            aspects.add(new AspectSpread(aspect, scores.stream().mapToInt(i -> i).min().orElse(0),
                    scores.stream().mapToInt(i -> i).max().orElse(0), Arrays.asList(counts), notes));
        }
        List<JudgementTally> judgements = new ArrayList<>();
        for (Judgement judgement : Judgement.values()) {
            int yes = 0;
            int no = 0;
            List<String> reasons = new ArrayList<>();
            for (ReviewContent review : reviews) {
                ReviewContent.Verdict verdict = review.verdict(judgement);
                if (verdict == null) {
                    continue;
                }
                if (verdict.holds()) {
                    yes++;
                } else {
                    no++;
                    if (verdict.reason() != null) {
                        reasons.add(verdict.reason());
                    }
                }
            }
            judgements.add(new JudgementTally(judgement, yes, no, reasons));
        }
        Map<Recommendation, Integer> tally = new EnumMap<>(Recommendation.class);
        reviews.forEach(r -> tally.merge(r.recommendation(), 1, Integer::sum));
        Recommendation majority = tally.entrySet().stream()
                .max(Comparator.<Map.Entry<Recommendation, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingInt(e -> e.getKey().strictness()))
                .map(Map.Entry::getKey).orElse(null);
        LinkedHashSet<String> changes = new LinkedHashSet<>();
        reviews.stream().filter(r -> r.recommendation() == Recommendation.APPROVE_WITH_CHANGES)
                .forEach(r -> changes.addAll(r.changes()));
        List<Dissent> dissent = reviews.stream().filter(r -> r.recommendation() != majority)
                .map(r -> new Dissent(r.recommendation(), reasonOf(r))).toList();
        return new OpinionSummary(reviews.size(), lapsed, composition, aspects, judgements, tally, majority,
                List.copyOf(changes), dissent);
    }

    /** Whether the proposed recommendation is held by more than half of the valid reviews (else it is the stricter of the most held). */
    public boolean majorityHolds() {
        return majority != null && count(majority) * 2 > validReviews;
    }

    public int count(Recommendation recommendation) {
        return recommendations.getOrDefault(recommendation, 0);
    }

    public List<Map.Entry<MemberKind, Integer>> compositionInOrder() {
        return Arrays.stream(MemberKind.values()).filter(composition::containsKey)
                .map(k -> Map.entry(k, composition.get(k))).toList();
    }

    /** Why a dissenting review recommended what it did: its comment, its changes, or its reasons for no. */
    private static String reasonOf(ReviewContent review) {
        List<String> parts = new ArrayList<>();
        if (review.comment() != null) {
            parts.add(review.comment());
        }
        if (review.recommendation() == Recommendation.APPROVE_WITH_CHANGES) {
            parts.addAll(review.changes());
        }
        review.judgements().stream().filter(v -> !v.holds() && v.reason() != null).map(ReviewContent.Verdict::reason)
                .forEach(parts::add);
        return String.join("；", new LinkedHashSet<>(parts));
    }
}
