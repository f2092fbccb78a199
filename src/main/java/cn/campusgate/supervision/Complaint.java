package cn.campusgate.supervision;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One complaint as supervision reads it. The complainant's name and contact are not part of it: they stay
 * sealed and are opened only by {@link Complaints#identity(long)}, for supervisors, each time audited.
 *
 * @param identified whether the complainant gave a name or contact (sealed)
 * @param loggedBy   the staff member who logged a hotline, mailbox or letter complaint
 */
public record Complaint(long id, long caseId, Channel channel, ComplaintCategory category, long schoolId,
                        String schoolName, @Nullable Long targetId, @Nullable String targetName,
                        @Nullable String itemTitle, LocalDate happenedOn, String description, boolean identified,
                        Card card, Instant receivedAt, @Nullable String loggedBy) {
}
