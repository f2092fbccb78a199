package cn.campusgate.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.campusgate.screening.Finding;
import org.jspecify.annotations.Nullable;

/**
 * One fact a school recorded: kept as recorded, with the screening findings and the whitelist check of the
 * moment. Teachers appear only as a count.
 *
 * @param coverage the whitelist check's reason code (COVERED, NOT_LISTED …), or NOT_CHECKED for kinds not listed
 */
public record SentinelRecord(long id, long schoolId, String schoolName, long jurisdictionId, RecordKind kind,
                             @Nullable Long planId, long departmentId, String departmentName, String title,
                             LocalDate occurredOn, @Nullable LocalDate endsOn, int classHours, int teachers,
                             Set<Demand> demands, @Nullable LocalDate assignedOn, boolean comprehensive,
                             @Nullable String note, String coverage, List<Finding> findings, String recordedBy,
                             Instant recordedAt) {

    public static final String NOT_CHECKED = "NOT_CHECKED";

    public SentinelRecord {
        demands = Set.copyOf(demands);
        findings = List.copyOf(findings);
    }

    /** The demands in their declared order, to be read as one list (打卡、接龙、拍照留痕). */
    public List<Demand> demandsInOrder() {
        return demands.stream().sorted().toList();
    }

    public boolean covered() {
        return "COVERED".equals(coverage);
    }

    public boolean listed() {
        return planId != null;
    }
}
