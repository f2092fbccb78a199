package cn.campusgate.committee.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The small forms of the panel page, each bound to its own command record. */
final class PanelForms {

    private PanelForms() {
    }

    /** Draw a panel of this size, preferring the members of a similar item's panel if one is named. */
    record ProposeCommand(@Nullable Integer size, @Nullable Long preferPanelId) {
    }

    /** Add a member to the proposal, with a reason; or name one to exclude (department). */
    record MemberCommand(@Nullable Long accountId, @Nullable String reason) {
    }

    /** An action that needs only its reason. */
    record ReasonCommand(@Nullable String reason) {
    }

    /** Confirm the panel with its deadline. */
    record ConveneCommand(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate deadline) {
    }

    /** Move the deadline later, with a reason. */
    record DeadlineCommand(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate deadline,
                           @Nullable String reason) {
    }
}
