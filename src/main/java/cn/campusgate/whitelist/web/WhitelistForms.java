package cn.campusgate.whitelist.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The small forms of the whitelist pages, each bound to its own command record. */
final class WhitelistForms {

    private WhitelistForms() {
    }

    /** 开始公示 for so many days. */
    record CommentCommand(int version, @Nullable Integer days) {
    }

    /** An action on the list that needs only its reason or opinion. */
    record ReasonCommand(int version, @Nullable String reason) {
    }

    /** An action on the list that needs nothing but the version the reader saw. */
    record VersionCommand(int version) {
    }

    /** The commission's answer to an objection. */
    record AnswerCommand(@Nullable String answer, @Nullable Boolean upheld) {
    }

    /** 正式发布 with the notice's document number and the dates the list is in force. */
    record PublishCommand(int version, @Nullable String documentNumber,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate effectiveFrom,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate effectiveTo) {
    }

    /** 调整出白名单 with the reason, the decision and, on a list in force, a new document number if any. */
    record RemoveCommand(int version, @Nullable String reason, @Nullable String decision,
                         @Nullable String documentNumber) {
    }

    /** A public objection during the comment period: name and contact optional, text required. */
    record ObjectionCommand(@Nullable Long entryId, @Nullable String name, @Nullable String contact,
                            @Nullable String text) {
    }

    /** The public list's search and filters. */
    /** The public check form: which activity of which department in which school on which day. */
    record CheckQuery(@Nullable String school, @Nullable String department, @Nullable String title,
                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
        boolean asked() {
            return school != null || department != null || title != null || date != null;
        }
    }

    record EntryFilter(@Nullable String q, @Nullable String stage, @Nullable Integer month,
                       @Nullable String department) {
        static EntryFilter none() {
            return new EntryFilter(null, null, null, null);
        }
    }
}
