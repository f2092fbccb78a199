package cn.campusgate.portal.web;

import java.time.LocalDate;

import cn.campusgate.core.BusinessRuleViolation;
import cn.campusgate.core.DemoClock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The demo clock as JSON, with the page's rules: demo mode only, administrators only, forward only. */
@RestController
@RequestMapping("/api/v1/admin/demo-clock")
@PreAuthorize("hasRole('ADMINISTRATOR')")
@ConditionalOnProperty(name = "campusgate.demo.enabled", havingValue = "true")
@Tag(name = "demo-clock", description = "演示时钟 Demo clock (demo mode only)")
class DemoClockApi {

    private final DemoClock demoClock;

    DemoClockApi(DemoClock demoClock) {
        this.demoClock = demoClock;
    }

    record DemoClockView(LocalDate realToday, LocalDate today, long offsetDays, boolean shifted, int version) {
        static DemoClockView of(DemoClock.State state) {
            return new DemoClockView(state.realToday(), state.today(), state.offsetDays(), state.shifted(),
                    state.version());
        }
    }

    @GetMapping
    @Operation(summary = "The application's date and how far it is ahead of the real date")
    DemoClockView get() {
        return DemoClockView.of(demoClock.state());
    }

    @PostMapping
    @Operation(summary = "Move the application's date forward (never back); audited")
    DemoClockView move(@RequestBody DemoClockCommand command) {
        // Checked here rather than with @Valid, so that a role that may not move the clock is told so (403) first.
        if (command.date() == null || command.version() == null) {
            throw new BusinessRuleViolation("demoClock.dateRequired");
        }
        return DemoClockView.of(demoClock.moveForward(command.date(), command.version()));
    }
}
