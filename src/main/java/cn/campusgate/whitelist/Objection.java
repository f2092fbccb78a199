package cn.campusgate.whitelist;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A public objection filed during the comment period, and the commission's answer. The name and contact are
 * sealed (never part of this record): only the commission opens them, each opening audited; {@code identified}
 * says whether the objector gave any. The public sees the objection's text and the answer.
 */
public record Objection(long id, long whitelistId, @Nullable Long entryId, boolean identified,
                        String text, Instant submittedAt, @Nullable String answer,
                        @Nullable Boolean upheld, @Nullable String answeredBy, @Nullable Instant answeredAt) {

    public boolean answered() {
        return answer != null;
    }
}
