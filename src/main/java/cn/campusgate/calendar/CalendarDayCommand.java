package cn.campusgate.calendar;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** What an administrator enters to add a holiday or an adjusted working day. */
public record CalendarDayCommand(
        @NotNull(message = "{calendar.day.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
        @NotNull(message = "{calendar.kind.required}") @Nullable DayKind kind,
        @NotBlank(message = "{calendar.name.required}") @Size(max = 40, message = "{calendar.name.tooLong}") @Nullable String name) {

    public static CalendarDayCommand blank() {
        return new CalendarDayCommand(null, DayKind.HOLIDAY, "");
    }
}
