package cn.campusgate.committee;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a member enters on the review form. {@link #problems()} names everything still wrong, field by
 * field; a command without problems becomes a {@link ReviewContent}.
 */
public record ReviewCommand(@Nullable List<AspectInput> aspects, @Nullable List<JudgementInput> judgements,
                            @Nullable Recommendation recommendation, @Nullable String requiredChanges,
                            @Nullable String comment) {

    static final int MAX_COMMENT = 500;
    static final int MAX_TEXT = 1000;

    public record AspectInput(@Nullable Aspect aspect, @Nullable Integer score, @Nullable String comment) {
    }

    public record JudgementInput(@Nullable Judgement judgement, @Nullable Boolean holds, @Nullable String reason) {
    }

    /** One thing wrong: the form field, a message key and its arguments. */
    public record Problem(String field, String messageKey, List<Object> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }

        static Problem of(String field, String key, Object... arguments) {
            return new Problem(field, key, List.of(arguments));
        }
    }

    /** An empty form: one row per aspect and per judgement. */
    public static ReviewCommand blank() {
        return new ReviewCommand(Arrays.stream(Aspect.values()).map(a -> new AspectInput(a, null, "")).toList(),
                Arrays.stream(Judgement.values()).map(j -> new JudgementInput(j, null, "")).toList(), null, "", "");
    }

    /**
     * The same answers with exactly one row per aspect and per judgement, in their order: what the form shows
     * again (a tampered or partial post may miss rows or repeat them).
     */
    public ReviewCommand normalised() {
        List<AspectInput> rows = aspects == null ? List.of() : aspects;
        List<JudgementInput> verdicts = judgements == null ? List.of() : judgements;
        return new ReviewCommand(
                Arrays.stream(Aspect.values()).map(a -> rows.stream().filter(r -> r != null && r.aspect() == a)
                        .findFirst().orElse(new AspectInput(a, null, ""))).toList(),
                Arrays.stream(Judgement.values()).map(j -> verdicts.stream().filter(r -> r != null && r.judgement() == j)
                        .findFirst().orElse(new JudgementInput(j, null, ""))).toList(),
                recommendation, requiredChanges, comment);
    }

    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        List<AspectInput> rows = aspects == null ? List.of() : aspects;
        for (Aspect aspect : Aspect.values()) {
            int index = indexOf(rows.stream().map(AspectInput::aspect).toList(), aspect);
            String field = "aspects[" + (index < 0 ? aspect.ordinal() : index) + "]";
            AspectInput row = index < 0 ? null : rows.get(index);
            if (row == null || row.score() == null || row.score() < 1 || row.score() > 5) {
                problems.add(Problem.of(field + ".score", "committee.review.scoreRange"));
            }
            if (row == null || blank(row.comment())) {
                problems.add(Problem.of(field + ".comment", "committee.review.commentRequired"));
            } else if (row.comment().strip().length() > MAX_COMMENT) {
                problems.add(Problem.of(field + ".comment", "committee.review.tooLong", MAX_COMMENT));
            }
        }
        List<JudgementInput> verdicts = judgements == null ? List.of() : judgements;
        boolean anyNo = false;
        for (Judgement judgement : Judgement.values()) {
            int index = indexOf(verdicts.stream().map(JudgementInput::judgement).toList(), judgement);
            String field = "judgements[" + (index < 0 ? judgement.ordinal() : index) + "]";
            JudgementInput row = index < 0 ? null : verdicts.get(index);
            if (row == null || row.holds() == null) {
                problems.add(Problem.of(field + ".holds", "committee.review.judgementRequired"));
                continue;
            }
            if (!row.holds()) {
                anyNo = true;
                if (blank(row.reason())) {
                    problems.add(Problem.of(field + ".reason", "committee.review.reasonForNo"));
                }
            }
            if (row.reason() != null && row.reason().strip().length() > MAX_COMMENT) {
                problems.add(Problem.of(field + ".reason", "committee.review.tooLong", MAX_COMMENT));
            }
        }
        if (recommendation == null) {
            problems.add(Problem.of("recommendation", "committee.review.recommendationRequired"));
        } else if (recommendation == Recommendation.APPROVE && anyNo) {
            problems.add(Problem.of("recommendation", "committee.review.approveDespiteNo"));
        } else if (recommendation == Recommendation.APPROVE_WITH_CHANGES && blank(requiredChanges)) {
            problems.add(Problem.of("requiredChanges", "committee.review.changesRequired"));
        } else if (recommendation == Recommendation.REJECT && blank(comment)) {
            problems.add(Problem.of("comment", "committee.review.rejectReasonRequired"));
        }
        if (requiredChanges != null && requiredChanges.strip().length() > MAX_TEXT) {
            problems.add(Problem.of("requiredChanges", "committee.review.tooLong", MAX_TEXT));
        }
        if (comment != null && comment.strip().length() > MAX_TEXT) {
            problems.add(Problem.of("comment", "committee.review.tooLong", MAX_TEXT));
        }
        return problems;
    }

    /** The review as submitted; only for a command without problems. */
    public ReviewContent toContent() {
        if (!problems().isEmpty()) {
            throw new IllegalStateException("a review with problems cannot be submitted");
        }
        List<ReviewContent.Score> scores = Arrays.stream(Aspect.values()).map(aspect -> {
            AspectInput row = Objects.requireNonNull(aspects).stream().filter(a -> a.aspect() == aspect).findFirst()
                    .orElseThrow();
            return new ReviewContent.Score(aspect, Objects.requireNonNull(row.score()),
                    Objects.requireNonNull(row.comment()).strip());
        }).toList();
        List<ReviewContent.Verdict> verdicts = Arrays.stream(Judgement.values()).map(judgement -> {
            JudgementInput row = Objects.requireNonNull(judgements).stream().filter(j -> j.judgement() == judgement)
                    .findFirst().orElseThrow();
            boolean holds = Boolean.TRUE.equals(row.holds());
            return new ReviewContent.Verdict(judgement, holds, holds || row.reason() == null ? clean(row.reason())
                    : row.reason().strip());
        }).toList();
        Recommendation chosen = Objects.requireNonNull(recommendation);
        return new ReviewContent(scores, verdicts, chosen,
                chosen == Recommendation.APPROVE_WITH_CHANGES ? clean(requiredChanges) : null, clean(comment));
    }

    private static <T> int indexOf(List<@Nullable T> values, T wanted) {
        return values.indexOf(wanted);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
