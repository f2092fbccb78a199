package cn.campusgate.whitelist;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A public objection filed during the comment period, and the commission's answer. The name and contact
 * are for the commission only; the public sees the objection's text and the answer.
 */
public record Objection(long id, long whitelistId, @Nullable Long entryId, @Nullable String name,
                        @Nullable String contact, String text, Instant submittedAt, @Nullable String answer,
                        @Nullable Boolean upheld, @Nullable String answeredBy, @Nullable Instant answeredAt) {

    public boolean answered() {
        return answer != null;
    }
}
