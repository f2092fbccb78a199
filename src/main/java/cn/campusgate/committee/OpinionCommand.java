package cn.campusgate.committee;

import org.jspecify.annotations.Nullable;

/** The secretary's edit of the draft opinion: its text, the recommendation and, if it departs from the majority, why. */
public record OpinionCommand(@Nullable String text, @Nullable Recommendation recommendation,
                             @Nullable String deviationReason) {
}
