package cn.campusgate.approval;

import java.time.LocalDate;
import java.util.Set;

import cn.campusgate.item.ItemContent;
import cn.campusgate.organization.SchoolStage;
import org.jspecify.annotations.Nullable;

/** Which schools an item reaches and when, as last submitted: what the per-school semester cap counts. */
public record ItemScope(LocalDate startsOn, LocalDate endsOn, Set<SchoolStage> stages,
                        @Nullable String targetSchools) {

    public ItemScope {
        stages = Set.copyOf(stages);
    }

    /** A submitted item is complete, so its dates are present. */
    static ItemScope of(ItemContent content) {
        LocalDate start = java.util.Objects.requireNonNull(content.startDate(), "submitted items have a start date");
        LocalDate end = content.endDate() == null ? start : content.endDate();
        return new ItemScope(start, end, content.targetStages(), content.targetSchools());
    }
}
