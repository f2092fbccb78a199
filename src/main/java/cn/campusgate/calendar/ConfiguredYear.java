package cn.campusgate.calendar;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A year whose holiday arrangement has been entered and confirmed.
 *
 * @param note usually the notice it was taken from
 */
public record ConfiguredYear(int year, String configuredBy, Instant configuredAt, @Nullable String note) {
}
