package cn.campusgate.insight;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened, as the read model keeps it: where (school, department, or a town or district directly)
 * and what (theme, category, class hours, handling days). {@code sourceKey} makes recording it twice harmless.
 */
public record Fact(FactKind kind, LocalDate occurredOn, @Nullable Long schoolId, @Nullable Long departmentId,
                   @Nullable Long placeId, @Nullable String theme, @Nullable String category,
                   @Nullable BigDecimal hours, @Nullable Integer days, String sourceKey) {

    public static Fact of(FactKind kind, LocalDate on, String sourceKey) {
        return new Fact(kind, on, null, null, null, null, null, null, null, sourceKey);
    }

    public Fact school(@Nullable Long id) { return new Fact(kind, occurredOn, id, departmentId, placeId, theme, category, hours, days, sourceKey); }
    public Fact department(@Nullable Long id) { return new Fact(kind, occurredOn, schoolId, id, placeId, theme, category, hours, days, sourceKey); }
    /** A town or district the fact belongs to when it names no school. */
    public Fact place(@Nullable Long id) { return new Fact(kind, occurredOn, schoolId, departmentId, id, theme, category, hours, days, sourceKey); }
    public Fact theme(@Nullable String text) {
        String t = text == null ? null : text.length() > 200 ? text.substring(0, 200) : text;
        return new Fact(kind, occurredOn, schoolId, departmentId, placeId, t, category, hours, days, sourceKey);
    }
    public Fact category(@Nullable Object value) { return new Fact(kind, occurredOn, schoolId, departmentId, placeId, theme, value == null ? null : String.valueOf(value), hours, days, sourceKey); }
    public Fact hours(@Nullable BigDecimal value) { return new Fact(kind, occurredOn, schoolId, departmentId, placeId, theme, category, value, days, sourceKey); }
    public Fact days(@Nullable Integer value) { return new Fact(kind, occurredOn, schoolId, departmentId, placeId, theme, category, hours, value, sourceKey); }
}
