package cn.campusgate.campaign;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One special campaign of a jurisdiction and year: what it is called, since when the baseline survey looks
 * back, and the texts of the summary report the task force writes (主要做法, 下一步工作).
 */
public record Campaign(long id, long jurisdictionId, int year, String title, LocalDate surveySince,
                       @Nullable String measures, @Nullable String outlook, String createdBy, Instant createdAt,
                       int version) {
}
