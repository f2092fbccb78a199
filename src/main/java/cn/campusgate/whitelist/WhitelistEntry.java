package cn.campusgate.whitelist;

import java.time.LocalDate;
import java.util.Set;

import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.Frequency;
import cn.campusgate.item.IntegrationChannel;
import cn.campusgate.item.ItemRoute;
import cn.campusgate.organization.SchoolStage;
import org.jspecify.annotations.Nullable;

/**
 * One item on a list, with what the public reads about it, copied from the item as approved. A removed
 * entry stays (status {@code REMOVED}) with its reason, so history shows it.
 *
 * @param addedInVersion   the published version that first carried it; {@code null} while not yet published
 * @param removedInVersion the version that no longer carries it, when removed
 */
public record WhitelistEntry(long id, long whitelistId, long itemId, long approvalId, ItemRoute route, String title,
                             @Nullable String theme, long departmentId, String departmentName,
                             @Nullable String basis, @Nullable String content, @Nullable String form,
                             Set<SchoolStage> stages, @Nullable String targetGrades, @Nullable String targetSchools,
                             LocalDate startsOn, LocalDate endsOn, @Nullable Frequency frequency,
                             @Nullable DeliveryMode deliveryMode, @Nullable IntegrationChannel integrationChannel,
                             boolean exempt, @Nullable String place, boolean removed,
                             @Nullable Integer addedInVersion, @Nullable Integer removedInVersion,
                             @Nullable String removalReason, @Nullable LocalDate removedOn) {

    public WhitelistEntry {
        stages = Set.copyOf(stages);
    }

    /** Whether the activity may take place on this day. */
    public boolean inWindow(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    /** Whether the entry's window touches the month (1–12) of the list's year. */
    public boolean touchesMonth(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return !startsOn.isAfter(first.plusMonths(1).minusDays(1)) && !endsOn.isBefore(first);
    }
}
