package cn.campusgate.portal.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Moving the demo clock: the new date of the application and the clock's version the administrator saw.
 */
record DemoClockCommand(@Nullable @NotNull LocalDate date, @Nullable @NotNull Integer version) {
}
