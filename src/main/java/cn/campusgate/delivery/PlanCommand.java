package cn.campusgate.delivery;

import java.time.LocalDate;
import java.util.List;

import cn.campusgate.item.DeliveryMode;
import cn.campusgate.item.GraduatingClasses;
import cn.campusgate.item.IntegrationChannel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a department states in an implementation plan; the form and the API bind to it.
 *
 * @param whitelistEntryId   the whitelist entry the plan carries out
 * @param schoolIds          the schools it reaches (学校)
 * @param grades             年级, e.g. 四至六年级
 * @param graduatingClasses  whether graduating classes take part; {@code INCLUDED} needs {@code graduatingReason}
 * @param classHours         学生课时 per school
 * @param teachersInvolved   how many teachers of each school take part: a count, never names
 * @param integrationChannel 融合途径; required when the department delivers on campus
 * @param arrangement        实施安排: who does what, when, where
 * @param resourcePack       资源包: what the department provides when the school runs it itself
 */
public record PlanCommand(
        @Nullable Long whitelistEntryId,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startsOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endsOn,
        @Nullable List<Long> schoolIds,
        @Nullable @Size(max = 100) String grades,
        @Nullable GraduatingClasses graduatingClasses,
        @Nullable @Size(max = 500) String graduatingReason,
        @Nullable @Min(0) @Max(200) Integer classHours,
        @Nullable @Min(0) @Max(500) Integer teachersInvolved,
        @Nullable DeliveryMode deliveryMode,
        @Nullable IntegrationChannel integrationChannel,
        @Nullable @Size(max = 2000) String arrangement,
        @Nullable @Size(max = 1000) String resourcePack) {

    public PlanCommand {
        schoolIds = schoolIds == null ? List.of() : schoolIds.stream().distinct().toList();
        grades = clean(grades);
        graduatingReason = clean(graduatingReason);
        arrangement = clean(arrangement);
        resourcePack = clean(resourcePack);
    }

    public static PlanCommand empty(@Nullable Long entryId) {
        return new PlanCommand(entryId, null, null, List.of(), null, GraduatingClasses.EXCLUDED, null, 1, 0,
                DeliveryMode.ON_CAMPUS, null, null, null);
    }

    /**
     * A new plan as the item proposed it: its delivery mode (else on campus), integration channel and grades,
     * so the department does not pick again what it already said in the item.
     */
    public static PlanCommand startingFrom(@Nullable Long entryId, @Nullable DeliveryMode mode,
                                           @Nullable IntegrationChannel channel, @Nullable String grades) {
        return new PlanCommand(entryId, null, null, List.of(), grades, GraduatingClasses.EXCLUDED, null, 1, 0,
                mode == null ? DeliveryMode.ON_CAMPUS : mode, channel, null, null);
    }

    static @Nullable String clean(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
