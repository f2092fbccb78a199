package cn.campusgate.evaluation;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** An anonymous answer: who (teacher, student, parent), 1–4, a few reason chips, an optional text. */
public record PublicAnswerCommand(@Nullable Respondent respondent, @Nullable Integer rating,
                                  @Nullable Set<Reason> reasons, @Nullable String comment) {
    public PublicAnswerCommand {
        // A blank choice in a form binds as a null element: it chooses nothing.
        reasons = reasons == null ? Set.of()
                : reasons.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
