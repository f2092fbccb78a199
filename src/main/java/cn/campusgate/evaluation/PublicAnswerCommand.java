package cn.campusgate.evaluation;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** An anonymous answer: who (teacher, student, parent), 1–4, a few reason chips, an optional text. */
public record PublicAnswerCommand(@Nullable Respondent respondent, @Nullable Integer rating,
                                  @Nullable Set<Reason> reasons, @Nullable String comment) {
    public PublicAnswerCommand {
        reasons = reasons == null ? Set.of() : Set.copyOf(reasons);
    }
}
