package cn.campusgate.supervision;

import java.time.Instant;

/**
 * A concluded exposure as the public reads it: the body concerned, the category, the basis and the redacted
 * summary. Never a complainant, a school or a teacher.
 */
public record PublishedExposure(long id, String bodyName, ComplaintCategory category, String basis, String summary,
                                Instant publishedAt, long jurisdictionId) {
}
