package cn.campusgate.portal.web;

import cn.campusgate.core.DemoClock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The demo clock's state for the header's badge, on every page, while the application's date is shifted. */
@ControllerAdvice(annotations = Controller.class)
class DemoClockBadge {

    private final ObjectProvider<DemoClock> demoClock;

    DemoClockBadge(ObjectProvider<DemoClock> demoClock) {
        this.demoClock = demoClock;
    }

    @ModelAttribute("demoClock")
    DemoClock.@Nullable State demoClock() {
        DemoClock clock = demoClock.getIfAvailable();
        if (clock == null) {
            return null;
        }
        DemoClock.State state = clock.state();
        return state.shifted() ? state : null;
    }
}
